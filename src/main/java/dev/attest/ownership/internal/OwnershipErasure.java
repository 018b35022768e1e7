package dev.attest.ownership.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseErased;

/** Deletes a case's ownership structures (names of owners) when the case is erased. */
@Component
class OwnershipErasure {

    private final OwnershipVersions versions;

    OwnershipErasure(OwnershipVersions versions) {
        this.versions = versions;
    }

    @EventListener
    void erase(CaseErased erased) {
        versions.deleteAll(versions.findByCaseIdOrderByNumberAsc(erased.caseId()));
    }
}
