package dev.attest.sla.internal.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.sla.TaskLog;

/**
 * On the embedded H2 database (whose tables Hibernate makes and extends, with no migration), brings a database made
 * before the task list read the open tasks' record up to date at its first start since (a record without search text
 * tells): a task of no case may be recorded (its
 * reference may be missing), and the list's columns (priority, follow-up, escalation, candidate groups, the text
 * filter's search text) are written again from the engine's tables and the cases, which Hibernate's added columns
 * cannot know. On PostgreSQL the migrations V22 and V24 do this once.
 */
@Component
class OpenTaskRecordUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OpenTaskRecordUpgrade.class);

    private final JdbcTemplate jdbc;
    private final TaskLog taskLog;

    OpenTaskRecordUpgrade(JdbcTemplate jdbc, TaskLog taskLog) {
        this.jdbc = jdbc;
        this.taskLog = taskLog;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if (!"H2".equals(database)) {
            return;
        }
        // once, on a database made before these columns: every record written since has its search text
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM sla_open_task WHERE search_text IS NULL)", Boolean.class))) {
            return;
        }
        jdbc.execute("ALTER TABLE sla_open_task ALTER COLUMN case_reference SET NULL");
        taskLog.rebuildListColumns();
        log.info("The open tasks' record: the task list's columns written again from the engine's tables");
    }
}
