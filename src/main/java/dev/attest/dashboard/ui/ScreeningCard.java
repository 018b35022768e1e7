package dev.attest.dashboard.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import dev.attest.dashboard.DrillDown.Figure;
import dev.attest.screening.OpenHits;

/**
 * "Screening": the sanctions screening hits waiting for a reviewer now (a button listing the cases they are on),
 * how long the oldest has waited, and how fast hits were cleared over the last 30 days (median and 90th percentile).
 * Of every case type, whatever the dashboard's filter.
 */
class ScreeningCard extends Div {

    private final Consumer<NumberCard> onOpen;
    private final Div numbers = new Div();
    private NumberCard open;

    ScreeningCard(Consumer<NumberCard> onOpen) {
        this.onOpen = onOpen;
        setId("dashboard-screening");
        addClassName("attest-dashboard-screening");
        numbers.addClassName("attest-dashboard-numbers");
        Paragraph scope = new Paragraph("Open now, every case type; time to clear: from found to the last decision on"
                + " it (false positive, or the second reviewer's answer), over the last 30 days.");
        scope.addClassName("attest-number-caption");
        add(new H3("Screening"), numbers, scope);
    }

    void show(OpenHits hits, Instant now) {
        numbers.removeAll();
        String detail = hits.total() == 0 ? "" : " (" + hits.undecided() + " to review, " + hits.awaitingConfirmation()
                + " to confirm)";
        open = new NumberCard("screening-open", "Open hits" + detail, String.valueOf(hits.total()),
                new Drill(Figure.SCREENING_OPEN_HITS, null, "Cases with open screening hits"));
        open.addClickListener(e -> onOpen.accept(open));
        numbers.add(open);
        numbers.add(NumberCards.fixed("screening-oldest", "Oldest open hit has waited",
                hits.oldestFoundAt() == null ? "–" : duration(Duration.between(hits.oldestFoundAt(), now))));
        numbers.add(NumberCards.fixed("screening-median", "Median time to clear (" + hits.clearedLast30Days()
                + " cleared)", duration(hits.medianTimeToClear())));
        numbers.add(NumberCards.fixed("screening-p90", "90th percentile time to clear",
                duration(hits.p90TimeToClear())));
    }

    /** Marks the open-hits card when its list is open. */
    void press(NumberCard pressed) {
        if (open != null) {
            open.setPressed(open == pressed);
        }
    }

    /** A duration in words a manager reads at a glance: {@code 2 d 5 h}, {@code 3 h 20 min}, {@code 12 min}. */
    static String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "< 1 min";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (d.toHours() < 24) {
            long m = d.toMinutesPart();
            return d.toHours() + " h" + (m == 0 ? "" : " " + m + " min");
        }
        long h = d.toHoursPart();
        return d.toDays() + " d" + (h == 0 ? "" : " " + h + " h");
    }
}
