package dev.attest.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which document check takes a document: the group of kinds a check asks the client for. Stored by its name: in the
 * DocumentCheck process's {@code documentGroup} variable (the BPMNs pass {@code 'IDENTITY'}, {@code 'ADDRESS'},
 * {@code 'COMPANY'}) and in the upload links, so running checks and sent links keep working.
 */
public enum DocumentGroup {
    /** Government identity documents. */
    IDENTITY,
    /** A proof of address. */
    ADDRESS,
    /** Company registration, organisation chart, self-attestation. */
    COMPANY,
    /** Anything else. */
    OTHER;

    /** The group a stored name stands for; empty for a name that is none (a model may set any text). */
    public static Optional<DocumentGroup> named(String name) {
        return Arrays.stream(values()).filter(g -> g.name().equals(name)).findFirst();
    }

    /** The kinds a client may send for this group. */
    public List<DocumentKind> kinds() {
        return Arrays.stream(DocumentKind.values()).filter(k -> k.group() == this).toList();
    }
}
