package dev.attest.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** The columns an open and an ended task record share: the task, its case and its dates. */
@MappedSuperclass
public abstract class TaskRecordColumns {

    /** The engine's task id. */
    @Id
    @Column(length = 64)
    private String id;
    @Column(nullable = false, length = 20)
    private String caseReference;
    @Column(nullable = false, length = 32)
    private String caseType;
    @Column(nullable = false, length = 100)
    private String taskKey;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(length = 64)
    private String assignee;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant dueAt;

    protected TaskRecordColumns() {
    }
}
