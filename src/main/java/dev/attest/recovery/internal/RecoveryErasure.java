package dev.attest.recovery.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseErased;

/** Deletes a case's submissions to the marketplace (notes, decisions) when the case is erased. */
@Component
class RecoveryErasure {

    private final Submissions submissions;

    RecoveryErasure(Submissions submissions) {
        this.submissions = submissions;
    }

    @EventListener
    void erase(CaseErased erased) {
        submissions.deleteAll(submissions.findByCaseIdOrderByRoundAsc(erased.caseId()));
    }
}
