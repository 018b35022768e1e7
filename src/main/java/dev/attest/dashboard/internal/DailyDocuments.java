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
 * The daily rollup of document decisions: per day and case type, how many first-round documents (the first of
 * their kind decided in their case) were decided and how many of them approved. Written by {@link DailyRollup};
 * the entity only defines the schema.
 */
@Entity
@Table(name = "dashboard_daily_documents", indexes = @Index(name = "ix_daily_documents_day",
        columnList = "rollupDay,caseType"))
public class DailyDocuments {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private LocalDate rollupDay;
    @Column(nullable = false, length = 32)
    private String caseType;
    private long firstRoundDecided;
    private long firstRoundApproved;

    protected DailyDocuments() {
    }
}
