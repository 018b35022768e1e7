package dev.attest.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attest.documents.TamperedDocumentException;

/** Keys and files of the encrypted store. */
class EncryptedFileStoreTests {

    @TempDir
    Path data;

    @Test
    void withoutDemoModeAKeyIsRequired() {
        assertThatThrownBy(() -> new EncryptedFileStore(data.toString(), "", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ATTEST_DOCUMENT_KEY");
        assertThatThrownBy(() -> new EncryptedFileStore(data.toString(), Base64.getEncoder().encodeToString(new byte[16]), false))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void demoModeGeneratesAKeyOnceAndKeepsIt() throws Exception {
        EncryptedFileStore first = new EncryptedFileStore(data.toString(), "", true);
        String key = first.newStorageKey();
        byte[] plain = "hello, documents".getBytes();
        first.write(key, plain);
        String generated = Files.readString(data.resolve("document-key"));

        EncryptedFileStore again = new EncryptedFileStore(data.toString(), "", true);
        assertThat(Files.readString(data.resolve("document-key"))).isEqualTo(generated);
        assertThat(again.read(key, EncryptedFileStore.sha256(plain))).isEqualTo(plain);
    }

    @Test
    void anotherKeyOrASwappedFileIsDetected() throws Exception {
        byte[] k1 = new byte[32];
        byte[] k2 = new byte[32];
        k2[0] = 1;
        EncryptedFileStore store = new EncryptedFileStore(data.toString(), Base64.getEncoder().encodeToString(k1), false);
        EncryptedFileStore other = new EncryptedFileStore(data.toString(), Base64.getEncoder().encodeToString(k2), false);
        byte[] a = "document A".getBytes();
        byte[] b = "document B".getBytes();
        String keyA = store.newStorageKey();
        String keyB = store.newStorageKey();
        store.write(keyA, a);
        store.write(keyB, b);

        assertThatThrownBy(() -> other.read(keyA, EncryptedFileStore.sha256(a))).isInstanceOf(TamperedDocumentException.class);
        Files.copy(store.path(keyB), store.path(keyA), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> store.read(keyA, EncryptedFileStore.sha256(a))).isInstanceOf(TamperedDocumentException.class);
        assertThatThrownBy(() -> store.path("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
