package dev.attest.dashboard.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import dev.attest.dashboard.DashboardFigures;
import dev.attest.dashboard.DrillDown.Figure;

/** The dashboard's numbers: open work now and the range's acceptance and escalations, each a card. */
class NumberCards extends Div {

    private final Consumer<NumberCard> onOpen;

    NumberCards(Consumer<NumberCard> onOpen) {
        this.onOpen = onOpen;
        addClassName("attest-dashboard-numbers");
        setId("dashboard-numbers");
    }

    void show(DashboardFigures f) {
        removeAll();
        card("open-cases", "Open cases", String.valueOf(f.openCases()), Figure.OPEN_CASES, "Open cases");
        card("overdue", "Tasks overdue", String.valueOf(f.overdue()), Figure.OVERDUE, "Tasks overdue");
        card("due-today", "Due later today", String.valueOf(f.dueToday()), Figure.DUE_TODAY, "Tasks due later today");
        card("about-to-breach", "About to breach", String.valueOf(f.aboutToBreach()), Figure.ABOUT_TO_BREACH,
                "Tasks past their warning, not yet due");
        Double acceptance = f.firstPassAcceptance();
        card("first-pass", "First-pass acceptance",
                acceptance == null ? "–" : Math.round(acceptance * 100) + " % of " + f.firstRoundDecided(),
                Figure.FIRST_ROUND_REJECTED, "Documents rejected at their first round");
        Double firstSubmission = f.marketplace().firstSubmissionAcceptance();
        add(fixed("first-submission", "2FA resets approved at the first submission",
                firstSubmission == null ? "–" : Math.round(firstSubmission) + " % of " + f.marketplace().firstDecided()));
        long escalated = f.escalations().stream().mapToLong(DashboardFigures.EscalationCount::count).sum();
        card("escalations", "Escalations", String.valueOf(escalated), Figure.ESCALATIONS, "Escalations");
    }

    /** Marks the card whose list is open (none with {@code null}). */
    void press(NumberCard pressed) {
        getChildren().filter(NumberCard.class::isInstance).map(NumberCard.class::cast)
                .forEach(card -> card.setPressed(card == pressed));
    }

    private void card(String id, String caption, String value, Figure figure, String title) {
        NumberCard card = new NumberCard(id, caption, value, new Drill(figure, null, title));
        card.addClickListener(e -> onOpen.accept(card));
        add(card);
    }

    /** A number with nothing behind it to list: not a button. */
    static Div fixed(String id, String caption, String value) {
        Span big = new Span(value);
        big.addClassName("attest-number-value");
        Span small = new Span(caption);
        small.addClassName("attest-number-caption");
        Div card = new Div(big, small);
        card.setId("number-" + id);
        card.addClassNames("attest-number-card", "attest-number-fixed");
        return card;
    }
}
