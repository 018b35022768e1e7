package dev.attest.worklist.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.attest.cases.CaseType;
import dev.attest.cases.Priority;
import dev.attest.worklist.TaskFilter;

/** A task-list filter saved under a name by its owner; a team filter is one a manager published to all staff. */
@Entity
@Table(name = "task_filter", uniqueConstraints = @UniqueConstraint(name = "ux_task_filter_owner_name",
        columnNames = {"owner", "name"}))
public class SavedTaskFilter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String owner;
    @Column(nullable = false, length = 80)
    private String name;
    @Column(nullable = false)
    private boolean team;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    private TaskFilter.Scope scope;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 40)
    private CaseType caseType;
    @Column(length = 200)
    private String text;
    @Column(nullable = false)
    private boolean escalatedOnly;
    private LocalDate dueFrom;
    private LocalDate dueTo;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 8)
    private Priority priority;
    @Column(length = 64)
    private String assignee;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 16)
    private TaskFilter.FollowUp followUp;
    @Column(nullable = false)
    private Instant createdAt;

    protected SavedTaskFilter() {
    }

    public SavedTaskFilter(String owner, String name, boolean team, TaskFilter filter, Instant at) {
        this.owner = owner;
        this.name = name;
        this.team = team;
        this.scope = filter.scope();
        this.caseType = filter.caseType();
        this.text = filter.text();
        this.escalatedOnly = filter.escalatedOnly();
        this.dueFrom = filter.dueFrom();
        this.dueTo = filter.dueTo();
        this.priority = filter.priority();
        this.assignee = filter.assignee();
        this.followUp = filter.followUp();
        this.createdAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public boolean isTeam() {
        return team;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public TaskFilter filter() {
        return new TaskFilter(scope, caseType, text, escalatedOnly, dueFrom, dueTo, priority, assignee, followUp);
    }
}
