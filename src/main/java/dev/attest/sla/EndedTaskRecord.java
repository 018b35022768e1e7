package dev.attest.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A user task of a case that was completed or cancelled, with who held it, when it was due and when it ended:
 * the history the SLA dashboard's daily rollup and breach figures read. Moved here from {@link OpenTaskRecord}
 * by {@link TaskLog} when the task ends; the entity only defines the schema.
 */
@Entity
@Table(name = "sla_ended_task", indexes = {
        @Index(name = "ix_ended_task_end", columnList = "endedAt"),
        @Index(name = "ix_ended_task_case", columnList = "caseReference")})
public class EndedTaskRecord extends TaskRecordColumns {

    @Column(nullable = false)
    private Instant endedAt;
    /** {@code completed} or {@code deleted} (cancelled with its process or by an interrupting event). */
    @Column(nullable = false, length = 16)
    private String outcome;

    protected EndedTaskRecord() {
    }
}
