package dev.attest.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.dashboard.DrillDown;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.screening.CaseScreenings;
import dev.attest.screening.HitVerdict;
import dev.attest.screening.OpenHits;
import dev.attest.screening.SanctionsList;
import dev.attest.screening.ScreeningTrigger;
import dev.attest.screening.StoredScreenings;
import dev.attest.screening.SubjectSource;
import dev.attest.screening.SubjectType;
import dev.attest.ui.KaribuTest;

/**
 * The dashboard's "Screening" card: the hits waiting for a reviewer (listing the open cases they are on, with the
 * screening task to open), how long the oldest has waited, and the median and 90th percentile time to clear.
 */
class ScreeningCardTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired CaseScreenings screenings;
    @Autowired JdbcTemplate jdbc;

    CaseFile verificationCase() {
        var body = CaseRequests.with("type", "SELLER_VERIFICATION");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) body.get("client");
        client.put("businessName", "Seller Goods LLC");
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(body, CaseIntakeRequest.class)), Role.INTAKE);
        new StoredScreenings(ctx).clear(c.getId());
        return c;
    }

    /** A case screened with these hits found at those times. */
    static long[] hits(StoredScreenings stored, CaseFile c, Instant... foundAt) {
        long run = stored.run(c.getId(), ScreeningTrigger.INTAKE, foundAt[0], 1, foundAt.length);
        long subject = stored.subject(c.getId(), SubjectSource.INTAKE_CLIENT, SubjectType.PERSON, "Jane Seller", null,
                "US", foundAt[0]);
        long[] ids = new long[foundAt.length];
        for (int i = 0; i < foundAt.length; i++) {
            ids[i] = stored.hit(run, c.getId(), subject, "Jane Seller", SanctionsList.OFAC_SDN, "D" + i, "Jane SELLAR",
                    "Jane SELLAR", 0.9, List.of("name 'Jane Seller' ~ 'Jane SELLAR': 0.90"), foundAt[i]);
        }
        return ids;
    }

    static String text(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id)).getElement()
                .getTextRecursively();
    }

    @AfterEach
    void noScreeningTask() {
        jdbc.update("DELETE FROM sla_open_task WHERE id LIKE 'screening-card-test-%'");
    }

    @Test
    void theManagerSeesTheOpenHitsTheOldestWaitAndTheTimeToClearAndListsTheCases() {
        StoredScreenings stored = new StoredScreenings(ctx);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CaseFile waiting = verificationCase();
        // waiting: two to review (one found 400 days ago), one true match to confirm
        long[] open = hits(stored, waiting, now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS),
                now.minus(2, ChronoUnit.HOURS));
        stored.decide(open[2], HitVerdict.TRUE_MATCH, "Same person", "analyst", now.minus(1, ChronoUnit.HOURS));
        // cleared in the last 30 days: a false positive after 2 hours, an overturned true match after a day
        CaseFile done = verificationCase();
        long[] cleared = hits(stored, done, now.minus(3, ChronoUnit.DAYS), now.minus(5, ChronoUnit.DAYS));
        stored.decide(cleared[0], HitVerdict.FALSE_POSITIVE, "Other person", "analyst",
                now.minus(3, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS));
        stored.decide(cleared[1], HitVerdict.TRUE_MATCH, "Same name", "analyst", now.minus(5, ChronoUnit.DAYS));
        stored.confirm(cleared[1], false, "Other date of birth", "senior", now.minus(4, ChronoUnit.DAYS));
        // a closed case's undecided hit waits for nobody
        CaseFile closed = verificationCase();
        hits(stored, closed, now.minus(500, ChronoUnit.DAYS));
        jdbc.update("UPDATE case_file SET status = 'CLOSED', outcome = 'RESOLVED', closed_at = ? WHERE reference = ?",
                Timestamp.from(now), closed.getReference());
        jdbc.update("INSERT INTO sla_open_task (id, case_reference, case_type, task_key, name, assignee, created_at,"
                + " due_at, follow_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "screening-card-test-1",
                waiting.getReference(), "SELLER_VERIFICATION", "Task_ReviewScreeningHits", "Review screening hits",
                null, Timestamp.from(now), null, null);

        login("manager", Role.MANAGER);
        OpenHits figures = screenings.openHits();
        assertThat(figures.undecided()).isGreaterThanOrEqualTo(2);
        assertThat(figures.awaitingConfirmation()).isGreaterThanOrEqualTo(1);
        assertThat(figures.clearedLast30Days()).isGreaterThanOrEqualTo(2);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(text("number-screening-open")).isEqualTo(figures.total() + "Open hits (" + figures.undecided()
                + " to review, " + figures.awaitingConfirmation() + " to confirm)");
        assertThat(text("number-screening-oldest")).as("the open case's, not the closed one's")
                .isEqualTo("400 dOldest open hit has waited");
        assertThat(text("number-screening-median")).isEqualTo(ScreeningCard.duration(figures.medianTimeToClear())
                + "Median time to clear (" + figures.clearedLast30Days() + " cleared)");
        assertThat(text("number-screening-p90"))
                .isEqualTo(ScreeningCard.duration(figures.p90TimeToClear()) + "90th percentile time to clear");

        NumberCard card = _get(NumberCard.class, spec -> spec.withId("number-screening-open"));
        _click(card);
        assertThat(card.isPressed()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("dashboard-drill-filter")).getText())
                .isEqualTo("Open now · every case type");
        var grid = DashboardViewTests.drillGrid();
        List<DrillDown.Row> rows = GridKt._fetch(grid, 0, GridKt._size(grid));
        assertThat(rows).extracting(DrillDown.Row::caseReference).contains(waiting.getReference())
                .doesNotContain(closed.getReference(), done.getReference());
        DrillDown.Row row = rows.stream().filter(r -> r.caseReference().equals(waiting.getReference())).findFirst()
                .orElseThrow();
        assertThat(row.what()).isEqualTo("Screening hits: 2 to review, 1 true match to confirm");
        assertThat(row.taskId()).as("the review task to open").isEqualTo("screening-card-test-1");
        assertThat(row.when()).isEqualTo(now.minus(400, ChronoUnit.DAYS));
        assertThat(rows.get(0).caseReference()).as("the longest waiting first").isEqualTo(waiting.getReference());
        assertThat(_get(Div.class, spec -> spec.withId("dashboard-drill-panel")).isVisible()).isTrue();
    }

    @Test
    void durationsReadAtAGlance() {
        assertThat(ScreeningCard.duration(null)).isEqualTo("–");
        assertThat(ScreeningCard.duration(Duration.ofSeconds(30))).isEqualTo("< 1 min");
        assertThat(ScreeningCard.duration(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(ScreeningCard.duration(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(ScreeningCard.duration(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(ScreeningCard.duration(Duration.ofHours(53))).isEqualTo("2 d 5 h");
        assertThat(ScreeningCard.duration(Duration.ofDays(400).plusMinutes(3))).isEqualTo("400 d");
    }
}
