package dev.attest.designer;

import java.util.NoSuchElementException;

/** No deployed version or draft with that id. */
public class ModelNotFoundException extends NoSuchElementException {

    public ModelNotFoundException(String message) {
        super(message);
    }
}
