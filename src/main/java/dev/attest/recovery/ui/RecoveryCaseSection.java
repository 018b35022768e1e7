package dev.attest.recovery.ui;

import java.time.ZoneId;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseType;
import dev.attest.cases.ui.CaseViewSection;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.recovery.TwoFactorRecovery;

/**
 * On a 2FA case: the submissions to the marketplace with their decisions, and, while the reset waits for the
 * marketplace, the form to record its decision.
 */
@Component
class RecoveryCaseSection implements CaseViewSection {

    private final TwoFactorRecovery recovery;
    private final ZoneId zone;

    RecoveryCaseSection(TwoFactorRecovery recovery, ZoneId zone) {
        this.recovery = recovery;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public com.vaadin.flow.component.Component render(CaseFile caseFile) {
        if (caseFile.getType() != CaseType.ACCOUNT_RECOVERY_2FA || caseFile.getReference() == null) {
            return null;
        }
        var submissions = recovery.submissions(caseFile.getReference());
        VerticalLayout section = new VerticalLayout(new H3("2FA reset at the marketplace"));
        section.setId("recovery");
        section.setPadding(false);
        if (submissions.isEmpty()) {
            section.add(new Paragraph("Not submitted to the marketplace yet."));
        } else {
            section.add(new SubmissionsGrid(submissions, zone));
        }
        boolean mayDecide = CurrentUser.find()
                .filter(u -> u.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER)).isPresent();
        if (mayDecide && recovery.awaitingDecision(caseFile.getReference())) {
            section.add(new MarketplaceDecisionForm(recovery, caseFile.getReference(),
                    () -> section.getUI().ifPresent(ui -> ui.getPage().reload())));
        }
        return section;
    }
}
