package dev.attest.screening;

import org.springframework.security.access.AccessDeniedException;

/** The analyst who judged a hit a true match may not also confirm or overturn it. */
public class ScreeningFourEyesException extends AccessDeniedException {

    public ScreeningFourEyesException() {
        super("Four eyes: you judged this hit a true match, so another senior analyst must confirm or overturn it");
    }
}
