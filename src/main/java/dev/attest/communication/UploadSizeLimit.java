package dev.attest.communication;

import org.springframework.util.unit.DataSize;

/**
 * The largest file a client may send, as the e-mails that ask for a document tell them. The documents module, which
 * enforces it ({@code attest.documents.max-size}), provides it.
 */
public interface UploadSizeLimit {

    DataSize maxFileSize();

    /** A size as a client reads it: "10 MB", "512 KB". */
    static String describe(DataSize size) {
        long bytes = size.toBytes();
        long mb = DataSize.ofMegabytes(1).toBytes();
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= mb) {
            return String.format(java.util.Locale.US, "%.1f MB", bytes / (double) mb);
        }
        return Math.max(1, bytes / 1024) + " KB";
    }
}
