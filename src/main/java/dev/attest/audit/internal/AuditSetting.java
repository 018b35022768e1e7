package dev.attest.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of Attest's settings as it was at the last start-up, to tell what changed since (never a secret). */
@Entity
@Table(name = "audit_setting")
public class AuditSetting {

    @Id
    @Column(name = "setting_name", length = 200)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 1000) // VALUE is a keyword in H2
    private String value;

    protected AuditSetting() {
    }

    public AuditSetting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
