package dev.attest.recovery.process;

import java.util.Date;

import org.springframework.stereotype.Component;

import dev.attest.recovery.TwoFactorRecovery;

/**
 * {@code ${marketplaceWait.due()}} in {@code two-factor-reset.bpmn}: when the marketplace's decision on a
 * submission made now is overdue (business days, {@code attest.recovery.decision-wait-business-days}).
 */
@Component("marketplaceWait")
public class MarketplaceWait {

    private final TwoFactorRecovery recovery;

    MarketplaceWait(TwoFactorRecovery recovery) {
        this.recovery = recovery;
    }

    public Date due() {
        return Date.from(recovery.decisionDue());
    }
}
