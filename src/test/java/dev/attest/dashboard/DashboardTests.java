package dev.attest.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import dev.attest.cases.CaseType;
import dev.attest.dashboard.DashboardFigures.AnalystLoad;
import dev.attest.dashboard.DashboardFigures.EscalationCount;
import dev.attest.dashboard.DashboardFigures.Resolution;
import dev.attest.dashboard.DashboardFigures.Stage;
import dev.attest.dashboard.DashboardFigures.Week;
import dev.attest.dashboard.DashboardFigures.Workload;
import dev.attest.dashboard.DrillDown.Figure;
import dev.attest.dashboard.internal.DailyRollup;
import dev.attest.recovery.MarketplaceRejectionReason;
import dev.attest.recovery.TwoFactorRecovery;

/**
 * The dashboard's figures against a small dataset with known answers, in a database of its own (no demo data)
 * and at a fixed moment: Wednesday 25 November 2026, 15:00 in New York.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:dashboard-tests;DB_CLOSE_DELAY=-1",
        "attest.demo.enabled=false", "attest.bootstrap-admin.password=dashboard-tests-only",
        "attest.documents.encryption-key=pwpXZv8aPgwl28TiwXW60vTpxwGRwyDWWH+uRfii0Rs="})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithMockUser(username = "mia", roles = "MANAGER")
class DashboardTests {

    static final ZoneId NY = ZoneId.of("America/New_York");
    static final Instant NOW = ZonedDateTime.of(2026, 11, 25, 15, 0, 0, 0, NY).toInstant();
    static final String SV = "SELLER_VERIFICATION";
    static final String TFA = "ACCOUNT_RECOVERY_2FA";

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, NY);
        }
    }

    @Autowired Dashboard dashboard;
    @Autowired DailyRollup rollup;
    @Autowired JdbcTemplate jdbc;

    static Instant at(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, NY).toInstant();
    }

    @BeforeAll
    void dataset() {
        DashboardDataset data = new DashboardDataset(jdbc);
        data.caseFile("CASE-T-1", SV, "OPEN", at(11, 25, 9), null, null)
                .caseFile("CASE-T-2", SV, "IN_PROGRESS", at(11, 16, 9), null, null)
                .caseFile("CASE-T-3", SV, "IN_PROGRESS", at(11, 17, 9), null, null)
                .caseFile("CASE-T-4", TFA, "IN_PROGRESS", at(11, 18, 9), null, null)
                .caseFile("CASE-T-5", TFA, "IN_PROGRESS", at(11, 19, 9), null, null)
                .caseFile("CASE-T-6", SV, "CLOSED", at(11, 2, 9), at(11, 20, 12), 600L)
                .caseFile("CASE-T-7", SV, "CLOSED", at(11, 2, 9), at(11, 18, 12), 1200L)
                .caseFile("CASE-T-8", SV, "CLOSED", at(11, 2, 9), at(11, 24, 12), 300L)
                .caseFile("CASE-T-9", TFA, "CLOSED", at(11, 2, 9), at(11, 23, 12), 120L)
                .caseFile("CASE-T-10", SV, "CLOSED", at(8, 3, 9), at(9, 1, 12), 9000L)
                // closed today: counted live, not from the rollup
                .caseFile("CASE-T-11", TFA, "CLOSED", at(11, 20, 9), at(11, 25, 10), 240L);
        // open work now
        data.openTask("CASE-T-2", SV, "Task_ReviewDocument", "Review document", "ann", "analyst", at(11, 24, 10),
                at(11, 25, 12), at(11, 25, 14));
        data.openTask("CASE-T-3", SV, "Task_ReviewDocument", "Review document", null, "analyst", at(11, 24, 16),
                at(11, 25, 14), NOW.plusSeconds(90 * 60));
        data.openTask("CASE-T-4", TFA, "Task_ReviewRecovery", "Review 2FA recovery case", "bob", "analyst",
                at(11, 25, 11), at(11, 26, 11), at(11, 26, 16));
        // completed work: week of 16 November (4 tasks, 3 with a due date, 1 late), week of 23 November (3, 3, 1)
        data.endedTask("CASE-T-2", SV, "Task_ReviewDocument", "Review document", "ann", at(11, 16, 9), at(11, 16, 11), at(11, 17, 9), true)
                .endedTask("CASE-T-2", SV, "Task_ReviewDocument", "Review document", "ann", at(11, 17, 9), at(11, 18, 11), at(11, 18, 9), true)
                .endedTask("CASE-T-6", SV, "Task_ReviewDocument", "Review document", "ann", at(11, 17, 9), at(11, 17, 10), null, true)
                .endedTask("CASE-T-4", TFA, "Task_ReviewRecovery", "Review 2FA recovery case", "bob", at(11, 19, 9), at(11, 20, 9), at(11, 20, 10), true)
                .endedTask("CASE-T-6", SV, "Task_ReviewDocument", "Review document", "ann", at(11, 23, 9), at(11, 23, 10), at(11, 24, 9), true)
                .endedTask("CASE-T-6", SV, "Task_ReviewDocument", "Review document", "ann", at(11, 20, 9), at(11, 23, 12), at(11, 23, 9), true)
                .endedTask("CASE-T-4", TFA, "Task_ReviewRecovery", "Review 2FA recovery case", "bob", at(11, 24, 9), at(11, 25, 10), at(11, 25, 11), true)
                .endedTask("CASE-T-4", TFA, "Task_ReviewRecovery", "Review 2FA recovery case", "bob", at(11, 24, 9), at(11, 25, 10), at(11, 25, 9), false)
                .endedTask("CASE-T-6", SV, "Task_ReviewDocument", "Review document", "ann", at(9, 1, 9), at(9, 1, 10), at(9, 1, 9), true);
        data.flush();
        data.clientWait("CASE-T-5", at(11, 24, 9), null)
                .clientWait("CASE-T-3", at(11, 20, 9), at(11, 21, 9))
                .escalation("CASE-T-2", "Review document", "WARNING", at(11, 24, 12))
                .escalation("CASE-T-2", "Review document", "SENIOR_ANALYSTS", at(11, 24, 15))
                .escalation("CASE-T-6", "Review document", "WARNING", at(11, 1, 12))
                .document("CASE-T-2", "PASSPORT", at(11, 17, 9), "REJECTED", at(11, 18, 9))
                .document("CASE-T-2", "PASSPORT", at(11, 19, 9), "APPROVED", at(11, 20, 9))
                .document("CASE-T-3", "PROOF_OF_ADDRESS", at(11, 18, 9), "APPROVED", at(11, 19, 9))
                .document("CASE-T-4", "PASSPORT", at(11, 19, 9), "APPROVED", at(11, 20, 9))
                .document("CASE-T-4", "DRIVERS_LICENSE", at(11, 24, 9), "RECEIVED", null)
                .document("CASE-T-6", "COMPANY_REGISTRATION", at(8, 30, 9), "APPROVED", at(9, 1, 9))
                .document("CASE-T-11", "PASSPORT", at(11, 24, 9), "APPROVED", at(11, 25, 9));
        data.flush();
        // the marketplace's decisions on 2FA resets
        submission("CASE-T-4", 1, "REJECTED", "NAME_MISMATCH", at(11, 20, 9));
        submission("CASE-T-4", 2, "APPROVED", null, at(11, 24, 9));
        submission("CASE-T-5", 1, "APPROVED", null, at(11, 23, 9));
        submission("CASE-T-11", 1, "REJECTED", "DOCUMENT_UNREADABLE", at(11, 21, 9));
        submission("CASE-T-11", 2, "REJECTED", "NAME_MISMATCH", at(11, 23, 9));
        submission("CASE-T-12", 1, "APPROVED", null, at(10, 10, 9));
    }

    void submission(String reference, int round, String decision, String reason, Instant decided) {
        jdbc.update("INSERT INTO recovery_submission (case_id, case_reference, round, submitted_on, submitted_by,"
                + " decision, reason, decided_at, decision_recorded_by) VALUES (?, ?, ?, ?, 'ann', ?, ?, ?, 'ann')",
                UUID.nameUUIDFromBytes(reference.getBytes()), reference, round,
                Date.valueOf(decided.atZone(NY).toLocalDate().minusDays(2)), decision, reason,
                Timestamp.from(decided));
    }

    @Test
    void theMarketplaceDecisionsOn2faResets() {
        var m = dashboard.figures(NOVEMBER_16_TO_TODAY).marketplace();
        assertThat(m.firstDecided()).isEqualTo(3);
        assertThat(m.firstApproved()).isEqualTo(1);
        assertThat(m.firstSubmissionAcceptance()).isCloseTo(100 / 3.0, Offset.offset(0.01));
        assertThat(m.rejectionReasons()).containsExactly(
                new TwoFactorRecovery.ReasonCount(
                        MarketplaceRejectionReason.NAME_MISMATCH, 2),
                new TwoFactorRecovery.ReasonCount(
                        MarketplaceRejectionReason.DOCUMENT_UNREADABLE, 1));

        var october = dashboard.figures(new DashboardFilter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                null)).marketplace();
        assertThat(october.firstSubmissionAcceptance()).isEqualTo(100.0);
        assertThat(october.rejectionReasons()).isEmpty();
        var sellerVerification = dashboard.figures(new DashboardFilter(LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 25), CaseType.SELLER_VERIFICATION)).marketplace();
        assertThat(sellerVerification.firstSubmissionAcceptance()).isNull();
    }

    static final DashboardFilter NOVEMBER_16_TO_TODAY = new DashboardFilter(LocalDate.of(2026, 11, 16),
            LocalDate.of(2026, 11, 25), null);

    @Test
    void openWorkNow() {
        DashboardFigures f = dashboard.figures(NOVEMBER_16_TO_TODAY);
        assertThat(f.overdue()).isEqualTo(1);
        assertThat(f.dueToday()).isEqualTo(1);
        assertThat(f.aboutToBreach()).isEqualTo(1);
        assertThat(f.openCasesByStage()).containsExactly(
                new Stage("NOT_TRIAGED", "Not triaged yet", 1),
                new Stage("WAITING_FOR_CLIENT", "Waiting for the client", 1),
                new Stage("task:Task_ReviewDocument", "Review document", 2),
                new Stage("task:Task_ReviewRecovery", "Review 2FA recovery case", 1));
        assertThat(f.openCases()).isEqualTo(5);
    }

    @Test
    void completedTasksAndBreachesPerWeekFromTheRollupAndToday() {
        DashboardFigures f = dashboard.figures(NOVEMBER_16_TO_TODAY);
        assertThat(f.weeks()).containsExactly(
                new Week(LocalDate.of(2026, 11, 16), 4, 3, 1),
                new Week(LocalDate.of(2026, 11, 23), 3, 3, 1));
        assertThat(f.weeks().get(0).breachRate()).isEqualTo(1 / 3.0);
        // the days that are over are rolled up once; today is counted live
        assertThat(rollup.rollUp(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 25)).days()).hasSize(9)
                .doesNotContain(LocalDate.of(2026, 11, 25));
        assertThat(jdbc.queryForObject("SELECT SUM(completed) FROM dashboard_daily_tasks WHERE rollup_day >= DATE '2026-11-16'", Long.class)).isEqualTo(6);
        assertThat(rollup.rollUp(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 25)).added()).isZero();
    }

    @Test
    void timeToResolutionInBusinessHoursPerCaseType() {
        DashboardFigures f = dashboard.figures(NOVEMBER_16_TO_TODAY);
        assertThat(f.resolution()).containsExactly(
                new Resolution(CaseType.ACCOUNT_RECOVERY_2FA, 2, 3.0, 3.8),
                new Resolution(CaseType.SELLER_VERIFICATION, 3, 10.0, 18.0));
    }

    @Test
    void workloadPerAnalyst() {
        DashboardFigures f = dashboard.figures(NOVEMBER_16_TO_TODAY);
        assertThat(f.workload()).containsExactly(
                new Workload("", 1, 0, 0),
                new Workload("ann", 1, 1, 5),
                new Workload("bob", 1, 0, 2));
    }

    @Test
    void overdueAndAtRiskPerAnalystTheMostOverdueFirst() {
        DashboardFigures f = dashboard.figures(NOVEMBER_16_TO_TODAY);
        assertThat(f.analystLoad()).containsExactly(
                new AnalystLoad("ann", 1, 1, 0, 0),
                new AnalystLoad("", 1, 0, 1, 1),
                new AnalystLoad("bob", 1, 0, 0, 0));
        assertThat(dashboard.drill(Figure.ANALYST_OVERDUE, "ann", NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::caseReference).containsExactly("CASE-T-2");
        assertThat(dashboard.drill(Figure.ANALYST_AT_RISK, "", NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::caseReference).containsExactly("CASE-T-3");
        assertThat(dashboard.drill(Figure.ANALYST_OVERDUE, "bob", NOVEMBER_16_TO_TODAY)).isEmpty();
        assertThat(dashboard.drill(Figure.ANALYST_AT_RISK, "ann", NOVEMBER_16_TO_TODAY)).isEmpty();
    }

    @Test
    void escalationsAndFirstPassAcceptance() {
        DashboardFigures f = dashboard.figures(NOVEMBER_16_TO_TODAY);
        assertThat(f.escalations()).containsExactly(new EscalationCount("SENIOR_ANALYSTS", 1),
                new EscalationCount("WARNING", 1));
        assertThat(f.firstRoundDecided()).isEqualTo(4);
        assertThat(f.firstRoundApproved()).isEqualTo(3);
        assertThat(f.firstPassAcceptance()).isEqualTo(0.75);
    }

    @Test
    void oneCaseTypeOnly() {
        DashboardFigures f = dashboard.figures(new DashboardFilter(LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 25), CaseType.ACCOUNT_RECOVERY_2FA));
        assertThat(f.overdue()).isZero();
        assertThat(f.openCases()).isEqualTo(2);
        assertThat(f.openCasesByStage()).extracting(Stage::key).containsExactly("WAITING_FOR_CLIENT",
                "task:Task_ReviewRecovery");
        assertThat(f.weeks()).containsExactly(new Week(LocalDate.of(2026, 11, 16), 1, 1, 0),
                new Week(LocalDate.of(2026, 11, 23), 1, 1, 0));
        assertThat(f.resolution()).extracting(Resolution::caseType).containsExactly(CaseType.ACCOUNT_RECOVERY_2FA);
        assertThat(f.escalations()).isEmpty();
        assertThat(f.firstRoundDecided()).isEqualTo(2);
    }

    @Test
    void aRangeInThePastLeavesOutNewerWork() {
        DashboardFigures f = dashboard.figures(new DashboardFilter(LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 9, 6), null));
        assertThat(f.weeks()).containsExactly(new Week(LocalDate.of(2026, 8, 31), 1, 1, 1));
        assertThat(f.resolution()).containsExactly(new Resolution(CaseType.SELLER_VERIFICATION, 1, 150.0, 150.0));
        assertThat(f.firstRoundDecided()).isEqualTo(1);
        assertThat(f.escalations()).isEmpty();
    }

    @Test
    void numbersListTheWorkBehindThem() {
        assertThat(dashboard.drill(Figure.OVERDUE, null, NOVEMBER_16_TO_TODAY))
                .singleElement().satisfies(r -> {
                    assertThat(r.caseReference()).isEqualTo("CASE-T-2");
                    assertThat(r.who()).isEqualTo("ann");
                    assertThat(r.taskId()).isNotNull();
                });
        assertThat(dashboard.drill(Figure.DUE_TODAY, null, NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::caseReference).containsExactly("CASE-T-3");
        assertThat(dashboard.drill(Figure.STAGE, "task:Task_ReviewDocument", NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::caseReference).containsExactly("CASE-T-2", "CASE-T-3");
        assertThat(dashboard.drill(Figure.STAGE, "WAITING_FOR_CLIENT", NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::caseReference).containsExactly("CASE-T-5");
        assertThat(dashboard.drill(Figure.WORKLOAD, "", NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::caseReference).containsExactly("CASE-T-3");
        assertThat(dashboard.drill(Figure.BREACHES, "2026-11-16", NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::caseReference).containsExactly("CASE-T-2");
        assertThat(dashboard.drill(Figure.RESOLVED, SV, NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::caseReference).containsExactly("CASE-T-7", "CASE-T-6", "CASE-T-8");
        assertThat(dashboard.drill(Figure.ESCALATIONS, "WARNING", NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::caseReference).containsExactly("CASE-T-2");
        assertThat(dashboard.drill(Figure.ESCALATIONS, "", NOVEMBER_16_TO_TODAY)).hasSize(2);
        assertThat(dashboard.drill(Figure.OPEN_CASES, null, NOVEMBER_16_TO_TODAY)).extracting(DrillDown.Row::caseReference)
                .containsExactly("CASE-T-2", "CASE-T-3", "CASE-T-4", "CASE-T-5", "CASE-T-1");
        assertThat(dashboard.drill(Figure.FIRST_ROUND_REJECTED, null, NOVEMBER_16_TO_TODAY))
                .extracting(DrillDown.Row::what).containsExactly("PASSPORT");
    }

    @Test
    void badFiltersAreRefused() {
        assertThatThrownBy(() -> new DashboardFilter(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 1), null))
                .hasMessageContaining("range");
        assertThatThrownBy(() -> new DashboardFilter(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 11, 1), null))
                .hasMessageContaining("range");
        assertThatThrownBy(() -> dashboard.drill(Figure.STAGE, "nonsense", NOVEMBER_16_TO_TODAY))
                .hasMessageContaining("key");
        assertThatThrownBy(() -> dashboard.drill(Figure.BREACHES, "monday", NOVEMBER_16_TO_TODAY))
                .hasMessageContaining("key");
    }

    @Test
    @WithMockUser(username = "ann", roles = "ANALYST")
    void analystsAreRefused() {
        assertThatThrownBy(() -> dashboard.figures(NOVEMBER_16_TO_TODAY)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.drill(Figure.OVERDUE, null, NOVEMBER_16_TO_TODAY))
                .isInstanceOf(AccessDeniedException.class);
    }
}
