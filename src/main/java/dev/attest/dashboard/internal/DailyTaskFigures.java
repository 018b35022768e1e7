package dev.attest.dashboard.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * The daily rollup: tasks completed on one day (Attest's time zone), per case type and assignee, with how many
 * had a due date and how many of those were late. Written by {@link DailyRollup} once a day is over; the table
 * only defines the schema here, rows are read and written in SQL.
 */
@Entity
@Table(name = "dashboard_daily_tasks", indexes = @Index(name = "ix_daily_tasks_day", columnList = "rollupDay,caseType"))
public class DailyTaskFigures {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private LocalDate rollupDay;
    @Column(nullable = false, length = 32)
    private String caseType;
    @Column(nullable = false, length = 64)
    private String assignee;
    private long completed;
    private long withDueDate;
    private long breached;

    protected DailyTaskFigures() {
    }
}
