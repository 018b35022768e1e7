package dev.attest.dashboard.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;

import dev.attest.dashboard.DashboardFigures.AnalystLoad;
import dev.attest.dashboard.DrillDown.Figure;

/**
 * "Who is overloaded": per analyst (and unclaimed), open tasks overdue, at risk (past their warning) and due
 * later today, the most overdue first; only analysts with something overdue or at risk. The overdue and at-risk
 * counts are buttons listing those tasks.
 */
class AnalystLoadTable extends Div {

    /** The most rows shown: the table stays compact at the top. */
    static final int MAX_ROWS = 8;

    private final Consumer<Drill> onOpen;
    private final Div body = new Div();

    AnalystLoadTable(Consumer<Drill> onOpen) {
        this.onOpen = onOpen;
        setId("dashboard-load");
        addClassName("attest-load");
        add(new H3("Overdue and at risk, per analyst"), body);
    }

    void show(List<AnalystLoad> load, Map<String, String> displayNames) {
        body.removeAll();
        List<AnalystLoad> pressing = load.stream().filter(a -> a.overdue() > 0 || a.atRisk() > 0).toList();
        if (pressing.isEmpty()) {
            Paragraph none = new Paragraph("No open task is overdue or at risk.");
            none.addClassName("attest-load-empty");
            body.add(none);
            return;
        }
        NativeTable table = new NativeTable();
        table.addClassName("attest-load-table");
        table.getHead().addRow().add(header("Analyst"), header("Overdue"), header("At risk"), header("Due later today"),
                header("Open"));
        NativeTableBody rows = table.getBody();
        for (AnalystLoad a : pressing.subList(0, Math.min(MAX_ROWS, pressing.size()))) {
            String name = a.analyst().isEmpty() ? "Unclaimed" : displayNames.getOrDefault(a.analyst(), a.analyst());
            String id = a.analyst().isEmpty() ? "unclaimed" : a.analyst();
            NativeTableRow row = new NativeTableRow();
            row.setId("load-" + id);
            row.add(new NativeTableCell(name),
                    count("load-overdue-" + id, a.overdue(), new Drill(Figure.ANALYST_OVERDUE, a.analyst(),
                            (a.analyst().isEmpty() ? "Unclaimed tasks" : "Tasks of " + name) + " overdue"), true),
                    count("load-at-risk-" + id, a.atRisk(), new Drill(Figure.ANALYST_AT_RISK, a.analyst(),
                            (a.analyst().isEmpty() ? "Unclaimed tasks" : "Tasks of " + name) + " at risk"), false),
                    new NativeTableCell(String.valueOf(a.dueToday())), new NativeTableCell(String.valueOf(a.open())));
            rows.add(row);
        }
        body.add(table);
        if (pressing.size() > MAX_ROWS) {
            Paragraph more = new Paragraph("… and " + (pressing.size() - MAX_ROWS) + " more: see Workload per analyst.");
            more.addClassName("attest-load-empty");
            body.add(more);
        }
    }

    private static NativeTableHeaderCell header(String text) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(text);
        cell.getElement().setAttribute("scope", "col");
        return cell;
    }

    /** A count: a button listing the tasks when there are any. */
    private NativeTableCell count(String id, long n, Drill drill, boolean hot) {
        Component content;
        if (n == 0) {
            content = new Div("0");
        } else {
            Button open = new Button(String.valueOf(n), e -> onOpen.accept(drill));
            open.setId(id);
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            open.getElement().setAttribute("aria-label", drill.title() + ": " + n + ". List them");
            if (hot) {
                open.addClassName("attest-load-hot");
            }
            content = open;
        }
        NativeTableCell cell = new NativeTableCell();
        cell.add(content);
        return cell;
    }
}
