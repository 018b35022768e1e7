package dev.attest.ownership;

import org.springframework.security.access.AccessDeniedException;

/** The person who confirmed the beneficial owners may not also approve them. */
public class FourEyesViolationException extends AccessDeniedException {

    public FourEyesViolationException() {
        super("Four eyes: you confirmed these beneficial owners, so another senior analyst must approve them");
    }
}
