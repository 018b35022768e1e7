package dev.attest.ownership.ui;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CaseClosedException;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseType;
import dev.attest.cases.ui.CaseViewSection;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ownership.Ownership;
import dev.attest.ownership.OwnershipAnalysis;
import dev.attest.ownership.OwnershipInput;
import dev.attest.ui.Formats;
import dev.attest.validation.InvalidInputException;

/**
 * The ownership of a seller-verification case in its case view: the beneficial owners with their shares and
 * chains, the findings, the graph, and the editor.
 */
@org.springframework.stereotype.Component
class OwnershipCaseSection implements CaseViewSection {

    private final Ownership ownership;
    private final ZoneId zone;

    OwnershipCaseSection(Ownership ownership, ZoneId zone) {
        this.ownership = ownership;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component render(CaseFile c) {
        CurrentUser me = CurrentUser.require();
        if (c.getType() != CaseType.SELLER_VERIFICATION
                || !me.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE, Role.ADMIN)) {
            return null;
        }
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("case-ownership");
        section.add(new H3("Ownership"));
        var current = ownership.current(c.getReference());
        if (current.isEmpty()) {
            section.add(new Paragraph("No ownership structure recorded yet."));
        } else {
            Ownership.View view = current.get();
            section.add(new Paragraph("Version " + view.version() + ", recorded by " + view.recordedBy() + " on "
                    + Formats.dateTime(view.recordedAt(), zone)
                    + (view.approvedBy() == null ? "" : "; beneficial owners approved by " + view.approvedBy())));
            Map<String, String> names = new HashMap<>();
            view.structure().parties().forEach(p -> names.put(p.id(), p.name()));
            section.add(owners(view.analysis(), names), findings(view.analysis()));
            OwnershipGraph graph = new OwnershipGraph();
            graph.setId("ownership-graph");
            graph.show(view.structure(), view.analysis());
            section.add(graph);
        }
        if (c.isClosed()) {
            Paragraph closed = new Paragraph("The case is closed: its ownership is on record and is not edited.");
            closed.setId("ownership-closed");
            section.add(closed);
        } else if (me.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.INTAKE)) {
            OwnershipInput start = current.map(Ownership.View::structure).orElseGet(() -> starting(c));
            OwnershipEditor editor = new OwnershipEditor(start, structure -> {
                try {
                    ownership.record(c.getReference(), structure);
                    section.getUI().ifPresent(ui -> ui.getPage().reload());
                    Notification.show("Saved and analysed", 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (CaseClosedException e) {
                    Notification.show(e.getMessage(), 8000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                } catch (InvalidInputException e) {
                    Notification.show("Not saved: " + e.errors().stream().map(f -> f.field() + " " + f.message())
                            .collect(Collectors.joining("; ")), 8000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            editor.setId("ownership-editor");
            Details edit = new Details(current.isEmpty() ? "Record the structure" : "Edit the structure", editor);
            edit.setId("ownership-edit");
            edit.setOpened(current.isEmpty());
            edit.setWidthFull();
            section.add(edit);
        }
        return section;
    }

    private static Component owners(OwnershipAnalysis.Result analysis, Map<String, String> names) {
        Grid<OwnershipAnalysis.BeneficialOwner> grid = new Grid<>();
        grid.setId("ownership-owners");
        grid.addColumn(OwnershipAnalysis.BeneficialOwner::name).setHeader("Beneficial owner").setAutoWidth(true);
        grid.addColumn(o -> o.effectivePercent() + " %").setHeader("Effective share").setAutoWidth(true);
        grid.addColumn(o -> o.chains().stream().map(ch -> String.join(" → ", ch.parties().stream()
                .map(id -> names.getOrDefault(id, id)).toList()) + " (" + ch.percent() + " %)")
                .collect(Collectors.joining("; "))).setHeader("Chains").setFlexGrow(1);
        grid.setItems(analysis.beneficialOwners());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No individual reaches " + analysis.threshold() + " %.");
        return grid;
    }

    private static Component findings(OwnershipAnalysis.Result analysis) {
        UnorderedList list = new UnorderedList();
        list.setId("ownership-findings");
        for (var f : analysis.findings()) {
            list.add(new ListItem(Formats.badge(f.code().name(), f.code() == OwnershipAnalysis.FindingCode.OWNERSHIP_INCOMPLETE
                    ? Formats.Tone.NEUTRAL : Formats.Tone.ERROR), new Span(" " + f.message())));
        }
        return analysis.findings().isEmpty() ? new Paragraph("No findings.") : list;
    }

    /** A first structure from the case: the seller's company as the subject and the client as a person. */
    private static OwnershipInput starting(CaseFile c) {
        var client = c.getClient();
        String company = client.businessName() == null ? client.fullName() + " (business)" : client.businessName();
        return new OwnershipInput("subject", "client", List.of(
                new OwnershipInput.PartyInput("subject", "ORGANIZATION", company, c.getAccount().addressOnFile().country().value(), true),
                new OwnershipInput.PartyInput("client", "PERSON", client.fullName(), client.country().value(), true)),
                List.of());
    }
}
