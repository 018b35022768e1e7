package dev.attest.audit.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface AuditChainHeads extends JpaRepository<AuditChainHead, Integer> {

    /** The head, locked until the transaction ends (SELECT ... FOR UPDATE). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from AuditChainHead h where h.id = 1")
    Optional<AuditChainHead> lock();

    /** The head as it is now, without a lock. */
    @Query("select h from AuditChainHead h where h.id = 1")
    Optional<AuditChainHead> current();

    /** The head's position as committed now (a value, so never one the persistence context holds). */
    @Query("select h.lastSeq from AuditChainHead h where h.id = 1")
    Optional<Long> lastSeq();
}
