package dev.attest.documents;

/**
 * A document's bytes as read (decrypted and checksum-verified).
 *
 * @param fileName the client's file name
 * @param mediaType the detected type
 * @param bytes the original bytes
 */
public record DocumentContent(String fileName, String mediaType, byte[] bytes) {
}
