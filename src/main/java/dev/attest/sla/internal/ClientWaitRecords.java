package dev.attest.sla.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.attest.sla.ClientWait;

public interface ClientWaitRecords extends JpaRepository<ClientWait, Long> {

    List<ClientWait> findByCaseReferenceOrderByStartedAtAsc(String caseReference);

    Optional<ClientWait> findFirstByCaseReferenceAndSourceAndEndedAtIsNull(String caseReference, String source);
}
