package dev.attest.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the errors of every field of an input, so that one answer names all of them.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    /**
     * Builds a value, recording the field's error when the value is refused.
     *
     * @return the value, or {@code null} when it was refused
     */
    public <T> T capture(String field, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Throws when any field was refused. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
