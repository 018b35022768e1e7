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
 * The daily rollup of closed cases: how many cases of a type closed on a day with a time to resolution in one
 * quarter-hour bucket (business minutes without client waits, rounded down to 15). Percentiles over long ranges
 * are read from these counts. Written by {@link DailyRollup}; the entity only defines the schema.
 */
@Entity
@Table(name = "dashboard_daily_resolution", indexes = @Index(name = "ix_daily_resolution_day",
        columnList = "rollupDay,caseType"))
public class DailyResolution {

    /** The width of a bucket, in minutes. */
    public static final int BUCKET_MINUTES = 15;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private LocalDate rollupDay;
    @Column(nullable = false, length = 32)
    private String caseType;
    private long bucketMinutes;
    private long cases;

    protected DailyResolution() {
    }
}
