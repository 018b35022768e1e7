package dev.attest.sla.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.attest.sla.Escalation;

/** Stored escalation records. */
public interface EscalationRecords extends JpaRepository<Escalation, Long> {

    List<Escalation> findByTaskIdIn(Collection<String> taskIds);

    List<Escalation> findByCaseReferenceOrderByAtAsc(String caseReference);
}
