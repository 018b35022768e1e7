package dev.attest.documents.ui;

import java.time.ZoneId;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CaseFile;
import dev.attest.cases.ui.CaseViewSection;
import dev.attest.documents.CheckOutcome;
import dev.attest.documents.DocumentRequest;
import dev.attest.documents.DocumentReview;
import dev.attest.documents.Documents;
import dev.attest.documents.FileInspection;
import dev.attest.documents.StoredDocument;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;

/** The documents of a case in its case view: list, rounds of requests, one document opened, upload. */
@Component
class DocumentsCaseSection implements CaseViewSection {

    private final Documents documents;
    private final DocumentReview review;
    private final FileInspection limits;
    private final ZoneId zone;

    DocumentsCaseSection(Documents documents, DocumentReview review, FileInspection limits,
            ZoneId zone) {
        this.documents = documents;
        this.review = review;
        this.limits = limits;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public com.vaadin.flow.component.Component render(CaseFile c) {
        CurrentUser me = CurrentUser.require();
        boolean reviewer = me.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER);
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("case-documents");
        section.add(new H3("Documents"));
        VerticalLayout opened = new VerticalLayout();
        opened.setPadding(false);

        Grid<StoredDocument> grid = new Grid<>();
        grid.setId("documents");
        grid.addColumn(StoredDocument::getFileName).setHeader("File").setAutoWidth(true);
        grid.addColumn(d -> DocumentPanel.label(d.getKind().name())).setHeader("Kind").setAutoWidth(true);
        grid.addComponentColumn(d -> d.getOverriddenPoints() == null ? DocumentPanel.badge(d.getStatus().name())
                : Formats.badge("Approved with an override", Formats.Tone.ERROR))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(DocumentsCaseSection::checkSummary).setHeader("Checks");
        grid.addColumn(d -> Formats.dateTime(d.getUploadedAt(), zone)).setHeader("Uploaded").setAutoWidth(true);
        grid.setItems(documents.list(c.getReference()));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No document yet.");
        if (reviewer) {
            grid.addItemClickListener(e -> {
                opened.removeAll();
                opened.add(new DocumentPanel(documents, c.getReference(), e.getItem(), "case view", !c.isClosed()));
            });
        }
        section.add(grid, opened);

        if (reviewer) {
            Grid<DocumentRequest> rounds = new Grid<>();
            rounds.setId("document-requests");
            rounds.addColumn(r -> Formats.dateTime(r.getRequestedAt(), zone)).setHeader("Asked").setAutoWidth(true);
            rounds.addColumn(DocumentRequest::getReasons).setHeader("Why").setFlexGrow(1);
            rounds.addColumn(r -> Formats.dateTime(r.getReplyDue(), zone)).setHeader("Reply due").setAutoWidth(true);
            rounds.setItems(review.requests(c.getId()));
            rounds.setAllRowsVisible(true);
            rounds.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            rounds.setEmptyStateText("Nothing was asked of the client.");
            Details asked = new Details("Requests to the client", rounds);
            asked.setWidthFull();
            section.add(asked);
        }
        if (!c.isClosed() && me.hasAny(Role.INTAKE, Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER)) {
            Details add = new Details("Add a document", new DocumentUploadForm(documents, limits, c.getReference(),
                    d -> section.getUI().ifPresent(ui -> ui.getPage().reload())));
            add.setId("add-document");
            section.add(add);
        }
        return section;
    }

    static String checkSummary(StoredDocument d) {
        long pass = d.getChecks().stream().filter(x -> x.outcome() == CheckOutcome.PASS).count();
        long fail = d.getChecks().stream().filter(x -> x.outcome() == CheckOutcome.FAIL).count();
        long review = d.getChecks().stream().filter(x -> x.outcome() == CheckOutcome.NEEDS_REVIEW).count();
        return pass + " passed, " + fail + " failed, " + review + " to review";
    }
}
