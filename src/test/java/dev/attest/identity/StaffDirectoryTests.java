package dev.attest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.attest.AttestTest;

/**
 * The staff a picker or the automatic assignment chooses from is read with its roles in the same few queries however
 * many accounts there are (the roles used to be read account by account: one query more per account), and keeps the
 * rules: enabled accounts holding one of the roles, away users marked.
 */
@AttestTest
class StaffDirectoryTests {

    @Autowired UserDirectory users;
    @Autowired UserAdministration administration;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired JdbcTemplate jdbc;
    @Autowired ZoneId zone;

    final List<String> made = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        made.forEach(u -> jdbc.update("UPDATE user_account SET enabled = FALSE, away_until = NULL WHERE username = ?",
                u));
    }

    List<String> accounts(String prefix, int count, String role) {
        long suffix = System.nanoTime() % 10_000_000;
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = prefix + suffix + "-" + i;
            RunAs.user("admin", () -> administration.create(new UserAdministration.NewAccount(name, "Staff " + name,
                    List.of(role))), Role.ADMIN);
            names.add(name);
            made.add(name);
        }
        return names;
    }

    /**
     * The statements Hibernate prepared while the call ran (the fewest of three calls: the application's schedulers
     * may run a statement meanwhile), and the call's result.
     */
    <T> Map.Entry<Long, T> statements(Supplier<T> call) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            long fewest = Long.MAX_VALUE;
            T result = null;
            for (int i = 0; i < 3; i++) {
                statistics.clear();
                result = call.get();
                fewest = Math.min(fewest, statistics.getPrepareStatementCount());
            }
            return Map.entry(fewest, result);
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    @Test
    void staffWithTheirRolesIsOneQueryAndKeepsTheRules() {
        long before = statements(() -> users.staff(Set.of(Role.ANALYST))).getKey();
        List<String> analysts = accounts("staffq", 12, "ANALYST");
        List<String> seniors = accounts("staffs", 3, "SENIOR_ANALYST");
        String away = analysts.get(0);
        String disabled = analysts.get(1);
        jdbc.update("UPDATE user_account SET away_until = ? WHERE username = ?",
                java.sql.Date.valueOf(LocalDate.now(zone).plusDays(3)), away);
        jdbc.update("UPDATE user_account SET enabled = FALSE WHERE username = ?", disabled);

        var analystsOnly = statements(() -> users.staff(Set.of(Role.ANALYST)));
        var everyone = statements(() -> users.staff(Availability.STAFF));

        assertThat(analystsOnly.getKey()).as("statements for the analysts, 12 more than before").isEqualTo(before);
        assertThat(everyone.getKey()).as("statements for all staff").isEqualTo(before);
        List<String> analystNames = analystsOnly.getValue().stream().map(StaffMember::username).toList();
        assertThat(analystNames).contains(away).containsAll(analysts.subList(2, analysts.size()))
                .doesNotContain(disabled).doesNotContainAnyElementsOf(seniors);
        assertThat(analystNames).isSorted();
        assertThat(everyone.getValue().stream().map(StaffMember::username)).containsAll(seniors)
                .contains(away).doesNotContain(disabled);
        StaffMember awayOne = analystsOnly.getValue().stream().filter(s -> s.username().equals(away)).findFirst()
                .orElseThrow();
        assertThat(awayOne.away()).isTrue();
        assertThat(awayOne.label()).contains("away until " + LocalDate.now(zone).plusDays(3));
        assertThat(awayOne.roles()).containsExactly(Role.ANALYST);
        assertThat(analystsOnly.getValue().stream().filter(s -> !s.username().equals(away))
                .filter(s -> analysts.contains(s.username())).noneMatch(StaffMember::away)).isTrue();
    }

    @Test
    void displayNamesOfManyUsersAreOneQuery() {
        List<String> analysts = accounts("names", 8, "ANALYST");
        List<String> wanted = new ArrayList<>(analysts);
        wanted.add("nobody-by-that-name");

        long ofOne = RunAs.user("analyst", () -> statements(() -> users.displayNames(List.of(analysts.get(0)))),
                Role.ANALYST).getKey();
        var names = RunAs.user("analyst", () -> statements(() -> users.displayNames(wanted)), Role.ANALYST);

        assertThat(names.getKey()).as("statements for nine names as for one").isEqualTo(ofOne);
        assertThat(names.getValue()).containsEntry(analysts.get(0), "Staff " + analysts.get(0))
                .containsEntry("nobody-by-that-name", "nobody-by-that-name").hasSize(wanted.size());
    }
}
