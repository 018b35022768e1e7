package dev.attest.audit.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import jakarta.persistence.EntityManagerFactory;

import dev.attest.audit.AuditTrail;

/**
 * Keeps an embedded H2 database made by an earlier version of Attest able to record the audit actions added
 * since: Hibernate's schema update adds tables and columns but never widens the check constraint it wrote for
 * the action column, so that constraint is dropped when it misses an action (and re-added with all of them).
 * PostgreSQL is migrated by Flyway instead; nothing is done there.
 */
@Component
class EmbeddedAuditSchema {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuditSchema.class);

    EmbeddedAuditSchema(DataSource dataSource, @Qualifier("entityManagerFactory") EntityManagerFactory schemaReady) {
        upgrade(dataSource);
    }

    static void upgrade(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
                return;
            }
            List<String> outdated = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
                    JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                      AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                    WHERE tc.TABLE_NAME = 'AUDIT_ENTRY' AND tc.CONSTRAINT_TYPE = 'CHECK'""")) {
                while (rs.next()) {
                    String clause = rs.getString(2);
                    if (clause.contains("DOCUMENT_READ") && Arrays.stream(AuditTrail.Action.values())
                            .anyMatch(a -> !clause.contains("'" + a.name() + "'"))) {
                        outdated.add(rs.getString(1));
                    }
                }
            }
            if (outdated.isEmpty()) {
                return;
            }
            try (Statement s = c.createStatement()) {
                for (String name : outdated) {
                    s.execute("ALTER TABLE AUDIT_ENTRY DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
                }
                s.execute("ALTER TABLE AUDIT_ENTRY ADD CONSTRAINT AUDIT_ENTRY_ACTION_CHECK CHECK (ACTION IN ("
                        + String.join(",", Arrays.stream(AuditTrail.Action.values()).map(a -> "'" + a.name() + "'")
                                .toList()) + "))");
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            log.info("The embedded database now accepts every audit action ({} outdated check dropped)", outdated.size());
        } catch (SQLException e) {
            log.warn("Could not check the audit table's constraint: {}", e.getMessage());
        }
    }
}
