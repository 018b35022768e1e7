package dev.attest.recovery;

/** A marketplace decision for a case whose 2FA reset is not waiting for one (409). */
public class NotAwaitingDecisionException extends RuntimeException {

    public NotAwaitingDecisionException(String caseReference) {
        super("Case " + caseReference + " is not waiting for a marketplace decision: no 2FA reset submission is "
                + "open");
    }
}
