package dev.attest.screening.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.attest.screening.ListFormat;
import dev.attest.screening.ListVersion;
import dev.attest.screening.SanctionsList;

/**
 * A stored list version. The newest number of a list is in force; the unique (list, number) lets only one of two
 * loads that raced (two nodes, two administrators) come into force.
 */
@Entity
@Table(name = "screening_list_version", uniqueConstraints = @UniqueConstraint(name = "ux_screening_list_version",
        columnNames = {"list_name", "version_number"}))
public class ListVersionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_name", nullable = false, length = 20)
    private SanctionsList list;
    @Column(name = "version_number", nullable = false)
    private int number;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ListFormat format;
    @Column(name = "published_on")
    private LocalDate publishedOn;
    @Column(nullable = false, length = 64)
    private String sha256;
    @Column(name = "entry_count", nullable = false)
    private int entryCount;
    @Column(nullable = false)
    private int added;
    @Column(nullable = false)
    private int removed;
    @Column(nullable = false)
    private int changed;
    @Column(name = "loaded_by", nullable = false, length = 64)
    private String loadedBy;
    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;
    @Column(name = "source_name", nullable = false, length = 200)
    private String source;
    /** When every open case's subjects were screened against this version's changes; {@code null} until then. */
    @Column(name = "rescreened_at")
    private Instant rescreenedAt;

    protected ListVersionRecord() {
    }

    public ListVersionRecord(SanctionsList list, int number, ListFormat format, LocalDate publishedOn, String sha256,
            int entryCount, int added, int removed, int changed, String loadedBy, Instant loadedAt, String source) {
        this.list = list;
        this.number = number;
        this.format = format;
        this.publishedOn = publishedOn;
        this.sha256 = sha256;
        this.entryCount = entryCount;
        this.added = added;
        this.removed = removed;
        this.changed = changed;
        this.loadedBy = loadedBy;
        this.loadedAt = loadedAt;
        this.source = source;
    }

    public Long getId() {
        return id;
    }

    public SanctionsList getList() {
        return list;
    }

    public int getNumber() {
        return number;
    }

    public String getSha256() {
        return sha256;
    }

    public ListVersion toVersion(boolean inForce) {
        return new ListVersion(id, list, format, number, publishedOn, sha256, entryCount, added, removed, changed,
                loadedBy, loadedAt, inForce, rescreenedAt);
    }
}
