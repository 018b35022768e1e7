package dev.attest.documents;

import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Documents' settings ({@code attest.documents.*}): the key they are encrypted with, the limits of upload
 * inspection, and the review's rounds and reply time.
 *
 * @param encryptionKey base64 of 32 bytes, the AES-256 key of documents at rest ({@code ATTEST_DOCUMENT_KEY}); empty:
 *        demo mode generates one into the data folder, outside demo mode Attest refuses to start; never printed
 * @param maxSize the largest file accepted (default 10 MB)
 * @param maxPixels the most pixels an image may decode to (default 100 million)
 * @param maxZipEntries the most entries of an Office file's ZIP container (default 2000)
 * @param maxZipInflated the most an Office file's ZIP may inflate to (default 200 MB)
 * @param maxZipRatio the highest compression ratio of one entry (default 100)
 * @param maxRounds documents a client may send for one request before a senior analyst decides (default 3)
 * @param clientReplyBusinessDays business days a client has to send a requested document (default 3)
 * @param ownershipChartMaxAgeDays how old an ownership chart may be, in days (default 180, RULES.md)
 */
@ConfigurationProperties(prefix = "attest.documents")
public record DocumentSettings(@DefaultValue("") String encryptionKey, @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("100000000") long maxPixels, @DefaultValue("2000") int maxZipEntries,
        @DefaultValue("200MB") DataSize maxZipInflated, @DefaultValue("100") int maxZipRatio,
        @DefaultValue("3") int maxRounds, @DefaultValue("3") int clientReplyBusinessDays,
        @DefaultValue("180") int ownershipChartMaxAgeDays) {

    public DocumentSettings {
        if (encryptionKey != null && !encryptionKey.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(encryptionKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("attest.documents.encryption-key (ATTEST_DOCUMENT_KEY) must be base64 "
                        + "of 32 bytes (openssl rand -base64 32)");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("attest.documents.encryption-key (ATTEST_DOCUMENT_KEY) must be base64 "
                        + "of 32 bytes, not " + key.length);
            }
        }
        positive("max-size", maxSize == null ? 0 : maxSize.toBytes());
        positive("max-pixels", maxPixels);
        positive("max-zip-entries", maxZipEntries);
        positive("max-zip-inflated", maxZipInflated == null ? 0 : maxZipInflated.toBytes());
        positive("max-zip-ratio", maxZipRatio);
        positive("max-rounds", maxRounds);
        positive("client-reply-business-days", clientReplyBusinessDays);
        positive("ownership-chart-max-age-days", ownershipChartMaxAgeDays);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("attest.documents." + name + " must be at least 1, not " + value);
        }
    }

    @Override
    public String toString() {
        return "DocumentSettings[encryptionKey=" + (encryptionKey == null || encryptionKey.isBlank() ? "(none)" : "(set)")
                + ", maxSize=" + maxSize + ", maxPixels=" + maxPixels + ", maxZipEntries=" + maxZipEntries
                + ", maxZipInflated=" + maxZipInflated + ", maxZipRatio=" + maxZipRatio + ", maxRounds=" + maxRounds
                + ", clientReplyBusinessDays=" + clientReplyBusinessDays + ", ownershipChartMaxAgeDays="
                + ownershipChartMaxAgeDays + "]";
    }
}
