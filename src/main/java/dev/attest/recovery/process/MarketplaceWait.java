package dev.attest.recovery.process;

import java.util.Date;

import org.springframework.stereotype.Component;

import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.workflow.ModelCallable;

/**
 * {@code ${marketplaceWait.due()}} in {@code two-factor-reset.bpmn}: when the marketplace's decision on a
 * submission made now is overdue (business days, {@code attest.recovery.decision-wait-business-days}).
 */
@ModelCallable
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
