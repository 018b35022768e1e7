package dev.attest.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.attest.audit.AuditTrail;
import dev.attest.identity.AccountChanged;

/** Records account changes (created, password reset, disabled, enabled) in the audit trail, in their transaction. */
@Component
class AccountAudit {

    private final AuditTrail audit;

    AccountAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    @org.springframework.core.annotation.Order(0) // first: the audit lock before anything else the change touches
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
}
