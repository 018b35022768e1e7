package dev.attest.validation;

/**
 * One bad field of an input.
 *
 * @param field the field's path in the input, e.g. {@code client.email}
 * @param message why it was refused
 */
public record FieldError(String field, String message) {
}
