package dev.attest.communication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import dev.attest.communication.internal.UploadLinkRecords;

/**
 * Upload links: a random token of 256 bits, stored as its SHA-256, bound to a case and the document group
 * requested, valid for a setting (default 7 days). A link carries one slot per requested item; each slot is
 * filled once, and the link is used up when every slot is. A newer link that asks for an item an older link still
 * waits for withdraws it there (an older link with nothing left to wait for is revoked). Opening and using a link
 * need no login: the token is the credential.
 */
@Service
public class UploadLinks {

    /** 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** More items than any request asks for: a bound on what one link carries. */
    static final int MAX_ITEMS = 10;

    private final UploadLinkRecords links;
    private final Clock clock;
    private final PortalSettings settings;
    private final PublicAddress address;
    private final EntityManager entityManager;

    UploadLinks(UploadLinkRecords links, Clock clock, PortalSettings settings, PublicAddress address,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.links = links;
        this.clock = clock;
        this.settings = settings;
        this.address = address;
    }

    /** A new link and the address to send. */
    public record NewLink(String token, String url, Instant expiresAt) {
    }

    /**
     * A slot taken for an upload, in the caller's transaction: the link's row stays locked until it ends.
     *
     * @param slot the slot's number on the link
     */
    public record Claim(long linkId, int slot, UUID caseId, String caseReference, String documentGroup) {
    }

    /** A link with one slot for any document of the group. */
    @Transactional
    public NewLink create(UUID caseId, String caseReference, String documentGroup, String requested) {
        return create(caseId, caseReference, documentGroup, requested, null,
                List.of(new RequestedItem("The requested document", requested, List.of())));
    }

    /**
     * Creates a link with one slot per item. Open slots of the case's older links for the same group that ask for
     * what a new item asks for are withdrawn (a reminder's or a rejection's link replaces the older one for that
     * item); an older link left with nothing to wait for is revoked. Runs in the caller's transaction (the
     * request's).
     *
     * @param requested why the request is made, in words for the client
     * @param requestedBy who asks (a display name), or {@code null} for the case team
     */
    @Transactional
    public NewLink create(UUID caseId, String caseReference, String documentGroup, String requested,
            String requestedBy, List<RequestedItem> items) {
        return create(caseId, caseReference, documentGroup, requested, requestedBy, null, items);
    }

    /**
     * Creates a link as {@link #create(UUID, String, String, String, String, List)} does, recording the user name of
     * who asks, whom the client's upload is then told to.
     *
     * @param requestedByUser the user name of who asks, or {@code null} for the case team
     */
    @Transactional
    public NewLink create(UUID caseId, String caseReference, String documentGroup, String requested,
            String requestedBy, String requestedByUser, List<RequestedItem> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("A link asks for 1 to " + MAX_ITEMS + " items");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.linkValidity());
        for (UploadLink older : links.findOpen(caseId, documentGroup)) {
            for (UploadSlot slot : older.getSlots()) {
                if (slot.isOpen() && items.stream().anyMatch(i -> overlap(slot.getKinds(), i.kinds()))) {
                    slot.withdraw(now);
                }
            }
            if (!older.hasOpenSlot()) {
                older.revoke(now);
            }
        }
        links.save(new UploadLink(hash(token), caseId, caseReference, documentGroup, requested, requestedBy,
                requestedByUser, items, now, expires));
        return new NewLink(token, address.url() + "/portal/upload/" + token, expires);
    }

    /**
     * The link behind a token, with its slots, while it can still be used; empty for unknown, expired, used up or
     * revoked ones.
     */
    @Transactional(readOnly = true)
    public Optional<UploadLink> open(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return links.findByTokenHash(hash(token)).filter(l -> l.isUsable(now));
    }

    /**
     * Takes a slot of a link for an upload, in the caller's transaction: of two uploads racing for one slot exactly
     * one gets it, the other waits for the first to end and is refused if it stored a document. A refused upload
     * later in the transaction rolls the claim back, leaving the slot open.
     *
     * @param slot the slot's number on the link
     * @param kind the name of the document kind sent
     * @throws UploadLinkRefusedException when the link cannot be used, or the slot is unknown, filled or withdrawn
     * @throws IllegalArgumentException when the kind does not answer the slot (the caller checks that first)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Claim claim(String token, int slot, String kind) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new UploadLinkRefusedException();
        }
        UploadLink link = links.lockByTokenHash(hash(token)).orElseThrow(UploadLinkRefusedException::new);
        // the link (and its slots) may have been read earlier in this transaction, before another upload committed:
        // read them again now that the row is locked
        entityManager.refresh(link, LockModeType.PESSIMISTIC_WRITE);
        if (!link.isUsable(clock.instant())) {
            throw new UploadLinkRefusedException();
        }
        UploadSlot taken = link.slot(slot)
                .orElseThrow(() -> new UploadLinkRefusedException(UploadLinkRefusedException.Reason.NOT_REQUESTED));
        taken.requireOpen();
        if (!taken.takes(kind)) {
            throw new IllegalArgumentException("Slot " + slot + " does not take " + kind);
        }
        return new Claim(link.getId(), slot, link.getCaseId(), link.getCaseReference(), link.getDocumentGroup());
    }

    /**
     * Records the document that filled a claimed slot; the last slot filled uses the link up.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void filled(Claim claim, UUID documentId, String fileName) {
        UploadLink link = links.findById(claim.linkId()).orElseThrow(UploadLinkRefusedException::new);
        Instant now = clock.instant();
        link.slot(claim.slot()).orElseThrow(UploadLinkRefusedException::new).fill(documentId, fileName, now);
        if (!link.hasOpenSlot()) {
            link.markUsed(now);
        }
    }

    /**
     * The items the newest link of a case and group still waits for (not filled; withdrawn ones included when the
     * link expired), e.g. for a reminder; empty when none.
     */
    @Transactional(readOnly = true)
    public List<RequestedItem> missing(UUID caseId, String documentGroup) {
        return links.findFirstByCaseIdAndDocumentGroupOrderByCreatedAtDescIdDesc(caseId, documentGroup)
                .map(l -> l.getSlots().stream().filter(s -> s.getFilledAt() == null).map(UploadSlot::item).toList())
                .orElse(List.of());
    }

    /** Revokes every open link of a case, e.g. when it closes. */
    @Transactional
    public void revokeAll(UUID caseId) {
        links.revokeAll(caseId, clock.instant());
    }

    /** The links sent for a case, oldest first (no tokens: they are not stored). */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_ADMIN"})
    public List<UploadLink> ofCase(String caseReference) {
        List<UploadLink> found = links.findByCaseReferenceOrderByCreatedAtAsc(caseReference);
        found.forEach(UploadLink::getSlots);
        return found;
    }

    /**
     * Gives every link stored before links had slots its one slot, for any document of its group (filled when the
     * link was used), at start-up; PostgreSQL's migration V11 did the same.
     *
     * @return how many links got a slot
     */
    @Transactional
    public int giveOldLinksASlot() {
        List<UploadLink> old = links.findWithoutSlots();
        old.forEach(UploadLink::addLegacySlot);
        return old.size();
    }

    private static boolean overlap(List<String> a, List<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
