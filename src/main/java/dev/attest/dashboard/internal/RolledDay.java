package dev.attest.dashboard.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A day whose rollup is written (also days without any task); the primary key makes two nodes rolling up the
 * same day at once end with one rollup.
 */
@Entity
@Table(name = "dashboard_rolled_day")
public class RolledDay {

    @Id
    private LocalDate rollupDay;
    @Column(nullable = false)
    private Instant rolledAt;

    protected RolledDay() {
    }
}
