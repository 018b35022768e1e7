package dev.attest.communication.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.attest.communication.OutboxMessage;

/** The stored outgoing e-mails. */
public interface OutboxMessages extends JpaRepository<OutboxMessage, UUID> {

    List<OutboxMessage> findByCaseReferenceOrderByCreatedAtAsc(String caseReference);
}
