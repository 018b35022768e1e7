package dev.attest.communication.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.attest.communication.UploadLinks;

/** At start-up, upload links stored before links had slots (an embedded H2 database) get their one slot. */
@Component
class OldUploadLinks {

    private static final Logger log = LoggerFactory.getLogger(OldUploadLinks.class);

    private final UploadLinks links;

    OldUploadLinks(UploadLinks links) {
        this.links = links;
    }

    @EventListener(ApplicationReadyEvent.class)
    void giveThemSlots() {
        int given = links.giveOldLinksASlot();
        if (given > 0) {
            log.info("Upload links: {} links stored before links had slots got their one slot", given);
        }
    }
}
