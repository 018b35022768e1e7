package dev.attest.screening.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.attest.screening.SanctionsEntry;

/** The entries read so far: each id once, at most the configured number, and at least one at the end. */
final class EntryCollector {

    private final String field;
    private final String fileName;
    private final int maxEntries;
    private final List<SanctionsEntry> entries = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    EntryCollector(String field, String fileName, int maxEntries) {
        this.field = field;
        this.fileName = fileName;
        this.maxEntries = maxEntries;
    }

    /** Adds a complete entry; {@code where} names it for a refusal ("line 12" or "sdnEntry on line 12"). */
    void add(EntryBuilder entry, String what, int line) {
        if (entry.id() == null) {
            throw ListRefusal.of(field, fileName + " line " + line + ": " + what + " without " + idName(what));
        }
        if (!entry.hasName()) {
            throw ListRefusal.of(field, fileName + " line " + line + ": " + what + " " + entry.id() + " has no name");
        }
        if (!ids.add(entry.id())) {
            throw ListRefusal.of(field, fileName + " line " + line + ": " + what + " " + entry.id()
                    + " appears a second time");
        }
        if (entries.size() >= maxEntries) {
            throw ListRefusal.of(field, fileName + " holds more than " + maxEntries
                    + " entries (attest.screening.max-entries)");
        }
        entries.add(entry.build());
    }

    private static String idName(String what) {
        return switch (what) {
            case "sdnEntry", "record" -> "uid";
            case "INDIVIDUAL", "ENTITY" -> "DATAID";
            case "sanctionEntity" -> "logicalId";
            case "entity" -> "id";
            default -> "an id";
        };
    }

    List<SanctionsEntry> finish() {
        if (entries.isEmpty()) {
            throw ListRefusal.of(field, fileName + " holds no entries; an empty list is refused (the version in force"
                    + " stays)");
        }
        return List.copyOf(entries);
    }
}
