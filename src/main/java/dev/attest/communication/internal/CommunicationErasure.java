package dev.attest.communication.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseErased;

/** Deletes a case's e-mails (addresses, bodies) and upload links when the case is erased. */
@Component
class CommunicationErasure {

    private final OutboxMessages outbox;
    private final UploadLinkRecords links;

    CommunicationErasure(OutboxMessages outbox, UploadLinkRecords links) {
        this.outbox = outbox;
        this.links = links;
    }

    @EventListener
    void erase(CaseErased erased) {
        outbox.deleteAll(outbox.findByCaseReferenceOrderByCreatedAtAsc(erased.caseReference()));
        links.deleteAll(links.findByCaseReferenceOrderByCreatedAtAsc(erased.caseReference()));
    }
}
