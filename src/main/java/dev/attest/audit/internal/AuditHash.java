package dev.attest.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit record: SHA-256 over the previous record's hash and every field of this one, each
 * length-prefixed so that no two different records hash the same way.
 */
public final class AuditHash {

    private AuditHash() {
    }

    public static String of(String previous, long seq, Instant at, String who, String action, String subject,
            String caseReference, String reason) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
            for (String part : new String[] {previous, Long.toString(seq), Long.toString(micros), who, action, subject,
                    caseReference, reason}) {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                sha.update((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
