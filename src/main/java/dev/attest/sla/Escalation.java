package dev.attest.sla;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A record that a task ran late: warned, escalated to senior analysts, or to managers. */
@Entity
@Table(name = "sla_escalation", indexes = {@Index(name = "ix_escalation_task", columnList = "taskId"),
        @Index(name = "ix_escalation_case", columnList = "caseReference"),
        @Index(name = "ix_escalation_at", columnList = "at")})
public class Escalation {

    /**
     * How far a late task went, with the one label each level has wherever it is shown. Stored (and sent over the
     * API, and named in the BPMNs' {@code slaLevel} inputs) by its name.
     */
    public enum Level {
        /** The assignee was warned (75 % of the time used). */
        WARNING("Warned", "warned (75 % of its time used)"),
        /** Due date passed: senior analysts may take it. */
        SENIOR_ANALYSTS("Escalated to seniors", "offered to senior analysts (due date passed)"),
        /** Still open a further period later: managers may take it. */
        MANAGERS("Escalated to managers", "offered to managers (still open)");

        private final String label;
        private final String whatHappened;

        Level(String label, String whatHappened) {
            this.label = label;
            this.whatHappened = whatHappened;
        }

        /** What a user sees for this level: the task list's badge, the dashboard's chart. */
        public String label() {
            return label;
        }

        /** What happened to the task, as a case's timeline tells it after the task's name. */
        public String whatHappened() {
            return whatHappened;
        }

        /** Whether the task was offered to more people (every level past the warning). */
        public boolean offeredFurther() {
            return this != WARNING;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 20)
    private String caseReference;
    @Column(nullable = false, length = 64)
    private String taskId;
    @Column(nullable = false, length = 200)
    private String taskName;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private Level level;
    @Column(nullable = false)
    private Instant at;

    protected Escalation() {
    }

    public Escalation(String caseReference, String taskId, String taskName, Level level, Instant at) {
        this.caseReference = caseReference;
        this.taskId = taskId;
        this.taskName = taskName;
        this.level = level;
        this.at = at;
    }

    public String getCaseReference() {
        return caseReference;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskName() {
        return taskName;
    }

    public Level getLevel() {
        return level;
    }

    public Instant getAt() {
        return at;
    }
}
