package dev.attest.identity;

/** An account change that is not allowed (e.g. an administrator disabling their own account). */
public class AccountChangeRefusedException extends IllegalArgumentException {

    public AccountChangeRefusedException(String message) {
        super(message);
    }
}
