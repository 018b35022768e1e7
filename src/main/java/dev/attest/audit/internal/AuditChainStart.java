package dev.attest.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.persistence.EntityManagerFactory;

/**
 * At start-up: creates the audit chain's head row if there is none (two nodes starting together: one wins, the
 * other finds it), then chains the records written before the chain existed, oldest first.
 */
@Component
class AuditChainStart {

    private static final Logger log = LoggerFactory.getLogger(AuditChainStart.class);

    AuditChainStart(AuditChainHeads heads, AuditEntries entries, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, @Qualifier("entityManagerFactory") EntityManagerFactory schemaReady,
            EmbeddedAuditSchema schemaUpgraded) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        try {
            tx.executeWithoutResult(s -> {
                if (heads.findById(AuditChainHead.ID).isEmpty()) {
                    heads.saveAndFlush(new AuditChainHead(0, null));
                }
            });
        } catch (DataIntegrityViolationException e) {
            log.debug("Another node created the audit chain's head");
        }
        Integer sealed = tx.execute(s -> {
            AuditChainHead head = heads.lock().orElseThrow();
            int count = 0;
            for (AuditEntry e : entries.findBySeqIsNullOrderByIdAsc()) {
                long seq = head.getLastSeq() + 1;
                String hash = e.expectedHash(head.getLastHash(), seq);
                jdbc.update("UPDATE audit_entry SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?", seq,
                        head.getLastHash(), hash, e.getId());
                head.advance(seq, hash);
                count++;
            }
            return count;
        });
        if (sealed != null && sealed > 0) {
            log.info("Chained {} audit records written before the audit chain existed", sealed);
        }
    }
}
