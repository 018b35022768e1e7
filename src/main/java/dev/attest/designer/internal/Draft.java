package dev.attest.designer.internal;

import java.time.Instant;

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
import jakarta.persistence.Version;

import dev.attest.designer.ModelKind;

/** A model being edited in the designer, saved as the designer works so that nothing is lost. */
@Entity
@Table(name = "designer_draft")
public class Draft {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    @Column(nullable = false, length = 200)
    private String name;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    private ModelKind kind;
    @Column(nullable = false, length = 200)
    private String resourceName;
    @Column(length = 64)
    private String basedOn;
    @Column(nullable = false, length = 1000000)
    private String content;
    @Column(nullable = false, length = 64)
    private String updatedBy;
    @Column(nullable = false)
    private Instant updatedAt;

    protected Draft() {
    }

    public Draft(String name, ModelKind kind, String resourceName, String basedOn, String content, String by,
            Instant at) {
        this.name = name;
        this.kind = kind;
        this.resourceName = resourceName;
        this.basedOn = basedOn;
        this.content = content;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public void update(String content, String by, Instant at) {
        this.content = content;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public ModelKind getKind() {
        return kind;
    }

    public String getResourceName() {
        return resourceName;
    }

    public String getBasedOn() {
        return basedOn;
    }

    public String getContent() {
        return content;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
