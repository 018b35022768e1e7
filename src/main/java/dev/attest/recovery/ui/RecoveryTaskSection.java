package dev.attest.recovery.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CaseLookup;
import dev.attest.documents.DocumentStatus;
import dev.attest.documents.Documents;
import dev.attest.documents.StoredDocument;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.ui.Formats;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.ui.TaskViewSection;

/**
 * Beside the 2FA reset's tasks: which identity document to submit and where (the marketplace's recovery page),
 * the earlier submissions and the marketplace's reasons, the decision form while following up, and on the
 * specialist review why the case is there.
 */
@Component
class RecoveryTaskSection implements TaskViewSection {

    private static final List<String> RESET_TASKS = List.of("Task_PrepareSubmission", "Task_SubmitToMarketplace",
            "Task_FollowUpMarketplace", "Task_ConfirmSwitch");

    private final TwoFactorRecovery recovery;
    private final Documents documents;
    private final CaseLookup cases;
    private final ZoneId zone;

    RecoveryTaskSection(TwoFactorRecovery recovery, Documents documents, CaseLookup cases,
            ZoneId zone) {
        this.recovery = recovery;
        this.documents = documents;
        this.cases = cases;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public com.vaadin.flow.component.Component render(WorkItem task, Map<String, Object> variables) {
        if (task.caseReference() == null) {
            return null;
        }
        if ("Task_SpecialistReview".equals(task.taskKey()) && variables.get("recoveryNote") instanceof String why) {
            Paragraph reason = new Paragraph("Why this case is here: " + why);
            reason.setId("specialist-reason");
            return reason;
        }
        if (!RESET_TASKS.contains(task.taskKey())) {
            return null;
        }
        VerticalLayout section = new VerticalLayout(new H3("2FA reset"));
        section.setId("recovery-task");
        section.setPadding(false);
        List<StoredDocument> ids = documents.list(task.caseReference()).stream()
                .filter(d -> d.getKind().isIdentity() && d.getStatus() == DocumentStatus.APPROVED).toList();
        Paragraph document = new Paragraph(ids.isEmpty() ? "No accepted identity document on the case."
                : "Identity document to submit: " + ids.get(ids.size() - 1).getFileName() + " ("
                        + Formats.label(ids.get(ids.size() - 1).getKind())
                        + "); open it in the case's documents.");
        document.setId("recovery-document");
        section.add(document);
        if ("Task_SubmitToMarketplace".equals(task.taskKey()) || "Task_FollowUpMarketplace".equals(task.taskKey())) {
            String marketplace = cases.get(task.caseReference()).getAccount().marketplace().domain();
            String url = recovery.recoveryUrl(marketplace);
            if (url == null) {
                section.add(new Paragraph("No recovery page is configured for " + marketplace
                        + " (attest.recovery.recovery-urls)."));
            } else {
                Anchor link = new Anchor(url, url, AnchorTarget.BLANK);
                link.setId("recovery-url");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                section.add(new Paragraph(new Span(
                        "Submit it at the marketplace's recovery page, logged in with the client's buyer account: "),
                        link));
            }
        }
        var submissions = recovery.submissions(task.caseReference());
        if (!submissions.isEmpty()) {
            section.add(new SubmissionsGrid(submissions, zone));
        }
        if ("Task_FollowUpMarketplace".equals(task.taskKey()) && recovery.awaitingDecision(task.caseReference())) {
            section.add(new Paragraph("Has the marketplace decided? Record it here; this task then ends by itself."),
                    new MarketplaceDecisionForm(recovery, task.caseReference(),
                            () -> section.getUI().ifPresent(ui -> ui.navigate(""))));
        }
        return section;
    }
}
