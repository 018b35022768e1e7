package dev.attest.communication.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import dev.attest.communication.MailStatus;
import dev.attest.communication.OutboxMessage;

/** The stored outgoing e-mails; the queued ones are the mail relay's work items. */
public interface OutboxMessages extends JpaRepository<OutboxMessage, UUID> {

    List<OutboxMessage> findByCaseReferenceOrderByCreatedAtAsc(String caseReference);

    /**
     * The queued messages due, longest due first; read without locks (see {@link #claim}). A message with no due
     * time (written by a node of an earlier version, while versions overlap) is due from when it was written.
     */
    @Query("SELECT m.id FROM OutboxMessage m WHERE m.status = dev.attest.communication.MailStatus.QUEUED"
            + " AND coalesce(m.nextAttemptAt, m.createdAt) <= :now ORDER BY coalesce(m.nextAttemptAt, m.createdAt)")
    List<UUID> due(Instant now, Pageable first);

    /**
     * Locks one message if it is still queued and due and no other transaction holds it (another node's relay):
     * otherwise nothing, at once, without waiting. Two relays never get the same row; the lock lasts until the
     * caller's transaction ends, or its connection dies. One row by its id, because H2 (2.3) locks every row
     * that matches the condition of a {@code FOR UPDATE} query before it sorts and limits them: a claim of "the
     * first due row" would lock them all there. PostgreSQL and H2 both re-check the condition on the locked row,
     * so a message another node has just sent is not returned.
     */
    @Query(value = "SELECT * FROM mail_outbox WHERE id = :id AND status = 'QUEUED'"
            + " AND coalesce(next_attempt_at, created_at) <= :now FOR UPDATE SKIP LOCKED", nativeQuery = true)
    Optional<OutboxMessage> claim(UUID id, Instant now);

    /** The messages out of attempts, newest first. */
    List<OutboxMessage> findTop500ByStatusOrderByCreatedAtDesc(MailStatus status);

    long countByStatus(MailStatus status);

    /**
     * Gives queued messages written before the relay existed (or left by a DeliverMail instance of an older
     * version) their first due time, so the relay picks them up.
     */
    @Modifying
    @Query("UPDATE OutboxMessage m SET m.nextAttemptAt = m.createdAt WHERE m.status = dev.attest.communication"
            + ".MailStatus.QUEUED AND m.nextAttemptAt IS NULL")
    int queueUndated();
}
