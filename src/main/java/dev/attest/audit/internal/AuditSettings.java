package dev.attest.audit.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** The settings recorded at the last start-up. */
public interface AuditSettings extends JpaRepository<AuditSetting, String> {
}
