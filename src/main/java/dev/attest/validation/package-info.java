/**
 * Validation: the shared vocabulary for refusing bad input whole. Value objects throw
 * {@link dev.attest.validation.InvalidValueException}; a {@link dev.attest.validation.FieldErrors}
 * collects them per field, and {@link dev.attest.validation.InvalidInputException} carries every bad field
 * to the REST layer (400 problem details) or to a Vaadin form.
 */
package dev.attest.validation;
