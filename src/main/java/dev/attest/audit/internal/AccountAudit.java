package dev.attest.audit.internal;

import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.attest.audit.AuditTrail;
import dev.attest.identity.AccountChanged;
import dev.attest.identity.AccountCreated;
import dev.attest.identity.AccountEmailChanged;
import dev.attest.identity.AvailabilityChanged;
import dev.attest.identity.LoginFailed;
import dev.attest.identity.LoginLocked;
import dev.attest.identity.LoginUnlocked;
import dev.attest.identity.PasswordReset;

/**
 * Records account changes (created, password reset, disabled, enabled, e-mail address, login lock ended,
 * availability) in the audit trail, in their
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
    @Order(0) // first: recorded before anything else reacts to the change
    void changed(AccountChanged change) {
        audit.record(change.enabled() ? AuditTrail.Action.ACCOUNT_ENABLED : AuditTrail.Action.ACCOUNT_DISABLED,
                change.username(), null, null);
    }

    @EventListener
    @Order(0)
    void created(AccountCreated created) {
        audit.record(AuditTrail.Action.ACCOUNT_CREATED, created.username(), null, "roles: " + created.roles());
    }

    /**
     * An account's e-mail address as SETTINGS_CHANGED of the account (a setting of the account, like the digest it
     * enables; no action of its own, so that the audit's action constraint needs no new value).
     */
    @EventListener
    @Order(0)
    void emailChanged(AccountEmailChanged changed) {
        audit.record(AuditTrail.Action.SETTINGS_CHANGED, changed.username(), null, changed.email() == null
                ? "e-mail address removed"
                : (changed.hadEmail() ? "e-mail address changed to " : "e-mail address set to ") + changed.email());
    }

    @EventListener
    @Order(0)
    void passwordReset(PasswordReset reset) {
        audit.record(AuditTrail.Action.PASSWORD_RESET, reset.username(), null, null);
    }

    @EventListener
    @Order(0)
    void loginFailed(LoginFailed failed) {
        audit.record(AuditTrail.Action.LOGIN_FAILED, failed.username(), null, failed.cause() + " from "
                + failed.address() + " (the first of the window; later ones until a lock are counted, not recorded)");
    }

    @EventListener
    @Order(0)
    void loginLocked(LoginLocked locked) {
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
    @Order(0)
    void loginUnlocked(LoginUnlocked unlocked) {
        audit.record(AuditTrail.Action.LOGIN_UNLOCKED, unlocked.username(), null, null);
    }

    @EventListener
    @Order(0)
    void availabilityChanged(AvailabilityChanged changed) {
        audit.record(AuditTrail.Action.AVAILABILITY_CHANGED, changed.username(), null,
                changed.awayUntil() == null ? "available" : "away until " + changed.awayUntil());
    }

    private static String minutes(Duration d) {
        long seconds = d.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
