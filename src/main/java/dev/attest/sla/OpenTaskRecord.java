package dev.attest.sla;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * An open user task of a case with its case and SLA dates in one narrow row: what the SLA dashboard counts
 * (the engine's own task tables need joins through executions and process instances to reach the case, which
 * costs seconds at 100,000 open tasks). When the task ends its row moves to {@link EndedTaskRecord}. Written by
 * {@link TaskLog} inside the engine's transaction, so it never disagrees with the engine; rows are read and
 * written in SQL, the entity only defines the schema.
 */
@Entity
@Table(name = "sla_open_task", indexes = {
        @Index(name = "ix_open_task_due", columnList = "caseType,dueAt"),
        @Index(name = "ix_open_task_case", columnList = "caseReference")})
public class OpenTaskRecord extends TaskRecordColumns {

    private Instant followUpAt;

    protected OpenTaskRecord() {
    }
}
