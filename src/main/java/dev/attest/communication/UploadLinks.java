package dev.attest.communication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.communication.internal.UploadLinkRecords;

/**
 * Single-use upload links: a random token of 256 bits, stored as its SHA-256, bound to a case and the document
 * group requested, valid for a setting (default 7 days). A newer link for the same request replaces the older
 * ones; using a link revokes its siblings. Opening and using a link need no login: the token is the credential.
 */
@Service
public class UploadLinks {

    /** 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UploadLinkRecords links;
    private final Clock clock;
    private final Duration validity;
    private final String publicUrl;

    UploadLinks(UploadLinkRecords links, Clock clock,
            @Value("${attest.portal.link-validity:7d}") Duration validity,
            @Value("${attest.portal.public-url:http://localhost:8080}") String publicUrl) {
        this.links = links;
        this.clock = clock;
        this.validity = validity;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A new link and the address to send. */
    public record NewLink(String token, String url, Instant expiresAt) {
    }

    /**
     * Creates a link for a request and revokes the older open links of the same case and document group. Runs in
     * the caller's transaction (the request's).
     */
    @Transactional
    public NewLink create(UUID caseId, String caseReference, String documentGroup, String requested) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        links.revokeOthers(caseId, documentGroup, hash, now);
        links.save(new UploadLink(hash, caseId, caseReference, documentGroup, requested, now, expires));
        return new NewLink(token, publicUrl + "/portal/upload/" + token, expires);
    }

    /** The link behind a token, while it can still be used; empty for unknown, expired, used or revoked ones. */
    @Transactional(readOnly = true)
    public Optional<UploadLink> open(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return links.findByTokenHash(hash(token))
                .filter(l -> l.getUsedAt() == null && l.getRevokedAt() == null && l.getExpiresAt().isAfter(now));
    }

    /**
     * Uses a link, once: of two uploads racing on one link exactly one gets it. Runs in the caller's transaction,
     * so a refused upload leaves the link unused.
     *
     * @throws UploadLinkRefusedException when the link cannot be used
     */
    @Transactional
    public UploadLink use(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new UploadLinkRefusedException();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        if (links.use(hash, now) != 1) {
            throw new UploadLinkRefusedException();
        }
        UploadLink link = links.findByTokenHash(hash).orElseThrow(UploadLinkRefusedException::new);
        links.revokeOthers(link.getCaseId(), link.getDocumentGroup(), hash, now);
        return link;
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
        return links.findByCaseReferenceOrderByCreatedAtAsc(caseReference);
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
