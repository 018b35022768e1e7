package dev.attest.cases.ui;

import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.cases.CaseExport;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseStatus;
import dev.attest.cases.CaseType;
import dev.attest.export.ui.CsvExportLink;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;

/**
 * All cases, newest first, searchable by reference, client or e-mail; loaded a page at a time; downloadable as CSV
 * for the current search.
 */
@Route("cases")
@PageTitle("Cases · Attest")
@RolesAllowed({Role.Names.ANALYST, Role.Names.SENIOR_ANALYST, Role.Names.MANAGER, Role.Names.INTAKE, Role.Names.ADMIN})
public class CaseListView extends VerticalLayout {

    final TextField search = new TextField();
    final Select<CaseType> type = new Select<>();
    final Select<CaseStatus> status = new Select<>();
    final Grid<CaseFile> grid = new Grid<>();

    final CsvExportLink csv;

    public CaseListView(CaseLookup cases, CaseExport export, ZoneId zone) {
        setSizeFull();
        search.setPlaceholder("Reference, client or e-mail");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("case-search");
        type.setPlaceholder("All types");
        type.setItems(CaseType.values());
        type.setEmptySelectionAllowed(true);
        type.setItemLabelGenerator(t -> t == null ? "All types" : t.label());
        status.setPlaceholder("All statuses");
        status.setItems(CaseStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setItemLabelGenerator(s -> s == null ? "All statuses" : Formats.label(s));

        grid.setId("cases");
        grid.addColumn(CaseFile::getReference).setHeader("Reference").setAutoWidth(true);
        grid.addColumn(c -> c.getClient().fullName()).setHeader("Client").setFlexGrow(2);
        grid.addColumn(c -> c.getType().label()).setHeader("Type");
        grid.addColumn(c -> Formats.label(c.getStatus())).setHeader("Status");
        grid.addColumn(c -> Formats.label(c.getPriority())).setHeader("Priority");
        grid.addColumn(c -> Formats.dateTime(c.getCreatedAt(), zone)).setHeader("Opened");
        grid.setItems(q -> cases.search(search.getValue(), type.getValue(), status.getValue(), q.getOffset(),
                q.getLimit()).stream(), q -> (int) cases.count(search.getValue(), type.getValue(), status.getValue()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("cases/" + e.getItem().getReference())));

        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        type.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        csv = new CsvExportLink("cases-csv", () -> export.csv(search.getValue(), type.getValue(), status.getValue()));
        // intake opens cases but does not export them (CaseExport decides; the link is not offered)
        csv.setVisible(CurrentUser.require().hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.ADMIN));
        HorizontalLayout filters = new HorizontalLayout(search, type, status, csv);
        filters.setAlignItems(Alignment.BASELINE);
        add(new H2("Cases"), filters, grid);
        expand(grid);
    }
}
