package dev.attest.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.persistence.EntityManagerFactory;

/**
 * At start-up: creates the audit chain's head row if there is none (two nodes starting together: one wins, the
 * other finds it), then links what is pending: records written before the chain existed, and those a node that
 * stopped abruptly committed but did not link.
 */
@Component
class AuditChainStart {

    private static final Logger log = LoggerFactory.getLogger(AuditChainStart.class);

    AuditChainStart(AuditChainHeads heads, AuditChainer chainer, PlatformTransactionManager transactions,
            @Qualifier("entityManagerFactory") EntityManagerFactory schemaReady, EmbeddedAuditSchema schemaUpgraded) {
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
        int linked = chainer.chainPending();
        if (linked > 0) {
            log.info("Linked {} pending audit records into the chain", linked);
        }
    }
}
