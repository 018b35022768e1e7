package dev.attest.dashboard.ui;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import dev.attest.cases.CaseType;
import dev.attest.cases.ui.CaseView;
import dev.attest.dashboard.Dashboard;
import dev.attest.dashboard.DrillDown;
import dev.attest.identity.UserDirectory;
import dev.attest.ui.Formats;
import dev.attest.worklist.ui.TaskView;

/**
 * The list behind a number, bar or slice: a side panel over the right of the page (where the eye is, whatever
 * was scrolled), titled with what was clicked and the filter, saying so when the list is empty. Focus moves to
 * its close button; Escape or the button closes it.
 */
class DrillDownPanel extends Div {

    private final H3 title = new H3();
    private final Paragraph filterLine = new Paragraph();
    private final Paragraph empty = new Paragraph("Nothing to list: no task or case matches this filter.");
    private final Grid<DrillDown.Row> grid = new Grid<>();
    private final Button close = new Button(VaadinIcon.CLOSE.create());
    private Runnable onClose = () -> { };

    DrillDownPanel(UserDirectory users, ZoneId zone) {
        setId("dashboard-drill-panel");
        addClassName("attest-drill");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "dashboard-drill-title");
        title.setId("dashboard-drill-title");
        filterLine.setId("dashboard-drill-filter");
        filterLine.addClassName("attest-drill-filter");
        empty.setId("dashboard-drill-empty");
        empty.addClassName("attest-drill-empty");
        close.setId("dashboard-drill-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.getElement().setAttribute("aria-label", "Close the list");
        close.addClickListener(e -> close());
        Shortcuts.addShortcutListener(this, this::close, Key.ESCAPE).listenOn(this);

        grid.setId("dashboard-drill");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(r -> new RouterLink(r.caseReference(), CaseView.class,
                new RouteParameters("reference", r.caseReference()))).setHeader("Case").setAutoWidth(true);
        grid.addColumn(r -> typeLabel(r.caseType())).setHeader("Type").setAutoWidth(true);
        grid.addColumn(DrillDown.Row::what).setHeader("What").setFlexGrow(1);
        grid.addColumn(r -> r.who().isEmpty() ? "" : users.displayName(r.who())).setHeader("Who").setAutoWidth(true);
        grid.addColumn(r -> r.when() == null ? "" : Formats.dateTime(r.when(), zone)).setHeader("When")
                .setAutoWidth(true);
        grid.addComponentColumn(r -> r.taskId() == null ? new Span() : new RouterLink("Open task", TaskView.class,
                new RouteParameters("taskId", r.taskId()))).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        Div header = new Div(title, close);
        header.addClassName("attest-drill-header");
        add(header, filterLine, empty, grid);
        setVisible(false);
    }

    /** Called when the panel closes (to unmark what was clicked). */
    void onClose(Runnable onClose) {
        this.onClose = onClose;
    }

    void show(String heading, String filter, List<DrillDown.Row> rows) {
        title.setText(heading + " (" + rows.size() + (rows.size() == Dashboard.DRILL_LIMIT ? "+" : "") + ")");
        filterLine.setText(filter);
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
        setVisible(true);
        close.focus();
    }

    void close() {
        if (isVisible()) {
            setVisible(false);
            onClose.run();
        }
    }

    String title() {
        return title.getText();
    }

    private static String typeLabel(String caseType) {
        try {
            return CaseType.valueOf(caseType).label();
        } catch (IllegalArgumentException e) {
            return caseType;
        }
    }
}
