package dev.attest.documents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.attest.AttestSettings;
import dev.attest.documents.DocumentSettings;
import dev.attest.documents.TamperedDocumentException;

/**
 * Document bytes on disk under {@code <data>/documents}, each in a file with a random name, encrypted with
 * AES-256-GCM (a fresh 96-bit nonce per file; the storage key is authenticated as associated data, so a
 * file cannot be swapped for another). The key comes from {@code attest.documents.encryption-key}
 * (base64 of 32 bytes, {@code ATTEST_DOCUMENT_KEY}); in demo mode a key is generated once into the data
 * folder; otherwise start-up fails without one.
 */
@Component
public class EncryptedFileStore {

    private static final Logger log = LoggerFactory.getLogger(EncryptedFileStore.class);
    private static final byte[] MAGIC = "ATD1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path root;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    EncryptedFileStore(AttestSettings attest, DocumentSettings documents) throws IOException {
        this(attest.dataPath().toString(), documents.encryptionKey(), attest.demoMode());
    }

    EncryptedFileStore(String dataDir, String configuredKey, boolean demo) throws IOException {
        this.root = Path.of(dataDir).resolve("documents").toAbsolutePath().normalize();
        Files.createDirectories(root);
        this.key = new SecretKeySpec(keyBytes(Path.of(dataDir), configuredKey, demo), "AES");
    }

    private byte[] keyBytes(Path dataDir, String configured, boolean demo) throws IOException {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configured.strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("attest.documents.encryption-key must be base64 of 32 bytes");
            }
            return bytes;
        }
        if (!demo) {
            throw new IllegalStateException("No document encryption key: set ATTEST_DOCUMENT_KEY to base64 of 32 "
                    + "random bytes (e.g. openssl rand -base64 32). Only demo mode generates one.");
        }
        Path file = dataDir.resolve("document-key");
        if (Files.exists(file)) {
            return Base64.getDecoder().decode(Files.readString(file).strip());
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("No POSIX permissions on this file system");
        }
        log.warn("Demo mode: generated a document encryption key in {}", file);
        return bytes;
    }

    /** A new random storage key (also the file's name). */
    public String newStorageKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Encrypts and writes the bytes under the storage key; the file appears whole or not at all. */
    public void write(String storageKey, byte[] plain) {
        Path target = path(storageKey);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(storageKey.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length);
            out.put(MAGIC).put(nonce).put(sealed);
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), storageKey, ".tmp");
            Files.write(temp, out.array());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and decrypts a file and checks its SHA-256.
     *
     * @throws TamperedDocumentException when the file was changed, swapped or does not match its checksum
     */
    public byte[] read(String storageKey, String expectedSha256) {
        try {
            byte[] stored = Files.readAllBytes(path(storageKey));
            if (stored.length < MAGIC.length + NONCE_BYTES) {
                throw new TamperedDocumentException(storageKey);
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, MAGIC.length, NONCE_BYTES));
            cipher.updateAAD(storageKey.getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(stored, MAGIC.length + NONCE_BYTES, stored.length - MAGIC.length - NONCE_BYTES);
            if (!sha256(plain).equals(expectedSha256)) {
                throw new TamperedDocumentException(storageKey);
            }
            return plain;
        } catch (AEADBadTagException e) {
            throw new TamperedDocumentException(storageKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Encrypts bytes kept in the database (what a document was read to say) with the documents' key, AES-256-GCM with
     * a fresh nonce, the context (e.g. the document's id) authenticated as associated data, so that sealed bytes
     * cannot be moved to another row.
     */
    public byte[] seal(String context, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length).put(MAGIC).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * Decrypts what {@link #seal} sealed for the same context.
     *
     * @throws TamperedDocumentException when the bytes were changed or sealed for another context
     */
    public byte[] open(String context, byte[] sealed) {
        try {
            if (sealed.length < MAGIC.length + NONCE_BYTES) {
                throw new TamperedDocumentException(context);
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, MAGIC.length, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, MAGIC.length + NONCE_BYTES, sealed.length - MAGIC.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new TamperedDocumentException(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed", e);
        }
    }

    /** Removes a file (when the transaction that wrote it rolled back). */
    public void delete(String storageKey) {
        try {
            Files.deleteIfExists(path(storageKey));
        } catch (IOException e) {
            log.warn("Could not delete document file {}: {}", storageKey, e.getMessage());
        }
    }

    /** Where a storage key's file lives: two levels of fan-out, always inside the documents folder. */
    public Path path(String storageKey) {
        if (!storageKey.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("Not a storage key");
        }
        return root.resolve(storageKey.substring(0, 2)).resolve(storageKey);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
