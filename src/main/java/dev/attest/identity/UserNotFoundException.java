package dev.attest.identity;

import java.util.NoSuchElementException;

/** No account with that user name. */
public class UserNotFoundException extends NoSuchElementException {

    public UserNotFoundException(String username) {
        super("No user " + username);
    }
}
