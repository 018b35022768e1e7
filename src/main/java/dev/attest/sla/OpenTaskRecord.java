package dev.attest.sla;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnDefault;

/**
 * An open user task of a case (or of no case: then without a reference, and left out of the SLA's figures) with its
 * case and SLA dates in one narrow row: what the SLA dashboard counts
 * (the engine's own task tables need joins through executions and process instances to reach the case, which
 * costs seconds at 100,000 open tasks). When the task ends its row moves to {@link EndedTaskRecord}. Written by
 * {@link TaskLog} inside the engine's transaction, so it never disagrees with the engine; rows are read and
 * written in SQL, the entity only defines the schema.
 */
@Entity
@AttributeOverride(name = "caseReference", column = @Column(name = "case_reference", length = 20))
@Table(name = "sla_open_task", indexes = {
        @Index(name = "ix_open_task_due", columnList = "caseType,dueAt"),
        @Index(name = "ix_open_task_case", columnList = "caseReference"),
        @Index(name = "ix_open_task_order", columnList = "priority DESC,dueAt,createdAt,id"),
        @Index(name = "ix_open_task_held", columnList = "assignee,priority DESC,dueAt,createdAt,id")})
public class OpenTaskRecord extends TaskRecordColumns {

    /** The SLA's warning date (not the analyst's follow-up: that is {@link #snoozedUntil}). */
    private Instant followUpAt;
    /** The engine's priority of the task (the task list's first order). */
    @Column(nullable = false)
    @ColumnDefault("50")
    private int priority = 50;
    /** The engine's follow-up date: the task is snoozed until then. */
    private Instant snoozedUntil;
    /** Whether the SLA escalated the task (offered it to senior analysts or managers). */
    @Column(nullable = false)
    @ColumnDefault("false")
    private boolean escalated;
    /**
     * What the task list's text filter searches, lower-cased: the task's name and, while its case is open, the case's
     * reference and client, one per line ({@link TaskLog#SEARCH_TEXT}).
     */
    @Column(length = 1000)
    private String searchText;

    protected OpenTaskRecord() {
    }
}
