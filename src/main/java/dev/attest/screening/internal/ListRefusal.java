package dev.attest.screening.internal;

import dev.attest.validation.InvalidInputException;

/** Refusals of a list file, naming the part ({@code file} or {@code aliases}) and the line or element. */
final class ListRefusal {

    private ListRefusal() {
    }

    static InvalidInputException of(String field, String message) {
        return new InvalidInputException(field, message);
    }
}
