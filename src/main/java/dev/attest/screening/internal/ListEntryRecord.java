package dev.attest.screening.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One entry of a stored version, as {@link ListEntryStore} writes and reads it in JDBC batches (this mapping gives
 * the table its shape; entries are never loaded one by one through JPA). Several values of a field are joined by
 * U+001F, which cleaned text never holds.
 */
@Entity
@Table(name = "screening_list_entry", uniqueConstraints = @UniqueConstraint(name = "ux_screening_list_entry",
        columnNames = {"version_id", "entry_id"}))
class ListEntryRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "version_id", nullable = false)
    private long versionId;
    @Column(name = "entry_id", nullable = false, length = 100)
    private String entryId;
    @Column(name = "entry_type", nullable = false, length = 20)
    private String type;
    @Column(nullable = false, length = 500)
    private String name;
    @Column(nullable = false, length = 60000)
    private String aliases;
    @Column(name = "birth_dates", nullable = false, length = 2000)
    private String birthDates;
    @Column(nullable = false, length = 1000)
    private String countries;
    @Column(nullable = false, length = 4000)
    private String programmes;
    @Column(nullable = false, length = 1000)
    private String remarks;
    @Column(nullable = false, length = 64)
    private String fingerprint;

    protected ListEntryRecord() {
    }
}
