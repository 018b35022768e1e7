package dev.attest.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.attest.audit.AuditTrail;
import dev.attest.identity.AccountChanged;

/**
 * Records account changes (created, password reset, disabled, enabled, login lock ended) in the audit trail, in their
 * transaction; and failed logins: the first failure of an account in the throttle's window and every lock (of an
 * account or of a client address), each in a transaction of its own, by "system" (nobody is logged in).
 */
@Component
class AccountAudit {

    private final AuditTrail audit;

    AccountAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    @org.springframework.core.annotation.Order(0) // first: recorded before anything else reacts to the change
    void changed(AccountChanged change) {
        audit.record(change.enabled() ? AuditTrail.Action.ACCOUNT_ENABLED : AuditTrail.Action.ACCOUNT_DISABLED,
                change.username(), null, null);
    }

    @EventListener
    @org.springframework.core.annotation.Order(0)
    void created(dev.attest.identity.AccountCreated created) {
        audit.record(AuditTrail.Action.ACCOUNT_CREATED, created.username(), null, "roles: " + created.roles());
    }

    @EventListener
    @org.springframework.core.annotation.Order(0)
    void passwordReset(dev.attest.identity.PasswordReset reset) {
        audit.record(AuditTrail.Action.PASSWORD_RESET, reset.username(), null, null);
    }

    @EventListener
    @org.springframework.core.annotation.Order(0)
    void loginFailed(dev.attest.identity.LoginFailed failed) {
        audit.record(AuditTrail.Action.LOGIN_FAILED, failed.username(), null, failed.cause() + " from "
                + failed.address() + " (the first of the window; later ones until a lock are counted, not recorded)");
    }

    @EventListener
    @org.springframework.core.annotation.Order(0)
    void loginLocked(dev.attest.identity.LoginLocked locked) {
        String why = locked.failures() + " failed logins within " + minutes(locked.window()) + "; logins refused for "
                + minutes(locked.lock());
        if (locked.username() != null) {
            audit.record(AuditTrail.Action.LOGIN_LOCKED, locked.username(), null,
                    why + " (last from " + locked.address() + ")");
        } else {
            audit.record(AuditTrail.Action.LOGIN_LOCKED, "address " + locked.address(), null, why + " from it");
        }
    }

    @EventListener
    @org.springframework.core.annotation.Order(0)
    void loginUnlocked(dev.attest.identity.LoginUnlocked unlocked) {
        audit.record(AuditTrail.Action.LOGIN_UNLOCKED, unlocked.username(), null, null);
    }

    private static String minutes(java.time.Duration d) {
        long seconds = d.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
