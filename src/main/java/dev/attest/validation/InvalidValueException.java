package dev.attest.validation;

/** A single value is not acceptable; the message says why, in words a user understands. */
public class InvalidValueException extends RuntimeException {

    public InvalidValueException(String message) {
        super(message);
    }
}
