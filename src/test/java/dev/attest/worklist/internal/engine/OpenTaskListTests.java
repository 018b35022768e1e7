package dev.attest.worklist.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.attest.AttestTest;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFilter.Scope;

/**
 * A text filter's page is the same whichever way it is read: its matches gathered without order and then ordered by
 * their ids (a rare text on H2), the list's order index read until the page is full (a common text, more matches
 * than are gathered), or one ordered query (PostgreSQL); page after page, with missing due dates and ties, within the
 * scope.
 */
@AttestTest
class OpenTaskListTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired ZoneId zone;

    final List<String> ids = new ArrayList<>();
    String token;

    @BeforeEach
    void tasks() {
        token = "qx" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(7);
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 40; i++) {
            String id = "otl-" + token + "-" + i;
            // priorities and due dates repeat (ties), some tasks have no due date, some are held, some not a match
            boolean match = i % 8 != 7;
            String assignee = i % 5 == 4 ? "analyst" : null;
            Instant due = i % 6 == 5 ? null : base.plus(random.nextInt(4), ChronoUnit.DAYS);
            jdbc.update("INSERT INTO sla_open_task (id, case_reference, case_type, task_key, name, assignee, created_at,"
                    + " due_at, priority, escalated, search_text) VALUES (?, ?, 'SELLER_VERIFICATION', 'Task_Probe', ?,"
                    + " ?, ?, ?, ?, FALSE, ?)", id, "OTL-" + i, "Probe " + i, assignee,
                    Timestamp.from(base.minus(random.nextInt(3), ChronoUnit.HOURS)), due == null ? null
                            : Timestamp.from(due), 40 + 10 * random.nextInt(3),
                    "probe " + i + (match ? "\nclient " + token.toUpperCase().toLowerCase() + " smith" : "\nother"));
            jdbc.update("INSERT INTO sla_open_task_group (task_id, group_id) VALUES (?, 'analyst')", id);
            ids.add(id);
        }
    }

    @AfterEach
    void cleanUp() {
        for (String id : ids) {
            jdbc.update("DELETE FROM sla_open_task_group WHERE task_id = ?", id);
            jdbc.update("DELETE FROM sla_open_task WHERE id = ?", id);
        }
    }

    /** Every page of the list read one way, joined. */
    List<String> pages(OpenTaskList list, int pageSize, int gathered) {
        List<String> all = new ArrayList<>();
        for (int offset = 0; offset < 60; offset += pageSize) {
            all.addAll(list.page(jdbc, offset, pageSize, gathered));
        }
        return all;
    }

    @Test
    void aTextFiltersPagesAreTheSameGatheredOrReadAlongTheOrder() {
        for (Scope scope : List.of(Scope.GROUP, Scope.ALL)) {
            CurrentUser me = scope == Scope.ALL ? new CurrentUser("mia", Set.of(Role.MANAGER))
                    : new CurrentUser("analyst", Set.of(Role.ANALYST));
            TaskFilter filter = TaskFilter.of(scope).withText(" " + token.toUpperCase() + " Smith");
            OpenTaskList list = OpenTaskList.of(filter, me, clock, zone, true);

            List<String> gathered = pages(list, 7, 1000);
            List<String> alongTheOrder = pages(list, 7, 3);
            List<String> oneQuery = pages(OpenTaskList.of(filter, me, clock, zone, false), 7, 1000);
            List<String> expected = jdbc.queryForList("SELECT id FROM sla_open_task WHERE id LIKE ? AND search_text"
                    + " LIKE ?" + (scope == Scope.GROUP ? " AND assignee IS NULL" : "")
                    + " ORDER BY priority DESC, due_at, created_at, id", String.class, "otl-" + token + "-%",
                    "%" + token + " smith%");

            assertThat(expected).as("matches in the scope (%s)", scope).hasSize(scope == Scope.GROUP ? 28 : 35);
            assertThat(gathered).as("gathered, then ordered (%s)", scope).containsExactlyElementsOf(expected);
            assertThat(alongTheOrder).as("read along the order (%s)", scope).containsExactlyElementsOf(expected);
            assertThat(oneQuery).as("one query, as on PostgreSQL (%s)", scope).containsExactlyElementsOf(expected);
            assertThat(list.count(jdbc)).isEqualTo(expected.size());
            assertThat(list.countUpTo(jdbc, 10)).isEqualTo(11);
            assertThat(list.page(jdbc, 100, 7, 1000)).as("past the end").isEmpty();
        }
    }

    @Test
    void aTextNothingHoldsListsNothing() {
        OpenTaskList list = OpenTaskList.of(TaskFilter.of(Scope.GROUP).withText(token + "-nowhere"),
                new CurrentUser("analyst", Set.of(Role.ANALYST)), clock, zone, true);
        assertThat(list.page(jdbc, 0, 50)).isEmpty();
        assertThat(list.count(jdbc)).isZero();
    }
}
