package dev.attest.screening;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.audit.AuditTrail;
import dev.attest.identity.CurrentUser;
import dev.attest.screening.internal.ListEntryStore;
import dev.attest.screening.internal.ListParsing;
import dev.attest.screening.internal.ListVersionRecord;
import dev.attest.screening.internal.ListVersionRecords;
import dev.attest.screening.internal.ParsedList;
import dev.attest.validation.InvalidInputException;

/**
 * The sanctions lists as loaded versions. A load reads the file as a stream (bounded by
 * {@code attest.screening.max-file-size}), refuses a malformed, truncated or empty file whole naming the line or
 * element, refuses the file in force again (same SHA-256) as unchanged, and otherwise stores a new version with its
 * entries and the entries added, removed and changed since the list's previous version (by fingerprint), audits it
 * and publishes {@link ListVersionLoaded}, all in one transaction: the previous version stays in force until it
 * commits. The newest version of each list is in force; older ones are kept.
 */
@Service
@EnableConfigurationProperties(ScreeningSettings.class)
public class SanctionsLists {

    private final ListVersionRecords versions;
    private final ListEntryStore entries;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ScreeningSettings settings;
    private final TransactionTemplate transaction;

    SanctionsLists(ListVersionRecords versions, ListEntryStore entries, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, ScreeningSettings settings,
            PlatformTransactionManager transactions) {
        this.versions = versions;
        this.entries = entries;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Loads a list file as a new version (administrators).
     *
     * @param format the file's format
     * @param file the list file, or a zip holding it (for OFAC's CSV: {@code sdn.csv}, or a zip with {@code sdn.csv}
     *        and {@code alt.csv})
     * @param aliases for OFAC's CSV, {@code alt.csv} (optional; without it the entries have no aliases)
     * @throws InvalidInputException naming {@code format}, {@code file} or {@code aliases} and the line or element
     * @throws ListUnchangedException when the file is the version in force
     * @throws ListLoadConflictException when another version of the list came into force meanwhile
     */
    @Secured("ROLE_ADMIN")
    public ListVersion load(ListFormat format, ListFile file, ListFile aliases) {
        return store(format, file, aliases, "upload");
    }

    /** Every version of every list, each list's newest (in force) first. */
    @Secured({"ROLE_ADMIN", "ROLE_MANAGER", "ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_INTAKE"})
    public List<ListVersion> versions() {
        Set<Long> inForce = new HashSet<>();
        versions.inForce().forEach(v -> inForce.add(v.getId()));
        return versions.findAllByOrderByListAscNumberDesc().stream().map(v -> v.toVersion(inForce.contains(v.getId())))
                .toList();
    }

    /** The largest list file accepted, in bytes (for the upload's own limit). */
    public long maxFileSize() {
        return settings.maxFileSize().toBytes();
    }

    /**
     * Loads a configured list file (the start-up and nightly loads, as {@code system}); empty when the file is the
     * version in force.
     */
    public Optional<ListVersion> loadConfigured(ScreeningSettings.Source source) throws IOException {
        ListFile file = ListFile.of(Path.of(source.path().strip()));
        ListFile aliases = source.aliases() == null || source.aliases().isBlank() ? null
                : ListFile.of(Path.of(source.aliases().strip()));
        try {
            return Optional.of(store(source.format(), file, aliases, source.path().strip()));
        } catch (ListUnchangedException e) {
            return Optional.empty();
        }
    }

    private ListVersion store(ListFormat format, ListFile file, ListFile aliases, String source) {
        if (format == null) {
            throw new InvalidInputException("format", "is required: one of OFAC_SDN_XML, OFAC_SDN_CSV, UN_XML, EU_XML, "
                    + "UK_CSV, FTM_JSON");
        }
        if (file == null) {
            throw new InvalidInputException("file", "is required");
        }
        if (aliases != null && format != ListFormat.OFAC_SDN_CSV) {
            throw new InvalidInputException("aliases", "is only for OFAC_SDN_CSV (alt.csv)");
        }
        long maxBytes = settings.maxFileSize().toBytes();
        SanctionsList list = format.list();
        try (ListParsing.Prepared files = ListParsing.prepare(format, file, aliases, maxBytes)) {
            String sha256 = ListParsing.sha256(files, maxBytes);
            Optional<ListVersionRecord> before = versions.findFirstByListOrderByNumberDesc(list);
            if (before.isPresent() && before.get().getSha256().equals(sha256)) {
                throw new ListUnchangedException(before.get().toVersion(true));
            }
            ParsedList parsed = ListParsing.parse(format, files, maxBytes, settings.maxEntries());
            String who = CurrentUser.find().map(CurrentUser::username).orElse("system");
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try {
                return transaction.execute(status -> comeIntoForce(format, parsed, sha256, who, at, source));
            } catch (DataIntegrityViolationException e) {
                throw new ListLoadConflictException(list);
            }
        }
    }

    private ListVersion comeIntoForce(ListFormat format, ParsedList parsed, String sha256, String who, Instant at,
            String source) {
        SanctionsList list = format.list();
        Optional<ListVersionRecord> previous = versions.findFirstByListOrderByNumberDesc(list);
        if (previous.isPresent() && previous.get().getSha256().equals(sha256)) {
            throw new ListUnchangedException(previous.get().toVersion(true));
        }
        Map<String, String> before = previous.map(p -> entries.fingerprints(p.getId())).orElse(Map.of());
        Set<String> addedOrChanged = new HashSet<>();
        int added = 0;
        int changed = 0;
        Set<String> seen = new HashSet<>();
        for (SanctionsEntry e : parsed.entries()) {
            seen.add(e.entryId());
            String old = before.get(e.entryId());
            if (old == null) {
                added++;
                addedOrChanged.add(e.entryId());
            } else if (!old.equals(e.fingerprint())) {
                changed++;
                addedOrChanged.add(e.entryId());
            }
        }
        Set<String> removed = new HashSet<>(before.keySet());
        removed.removeAll(seen);
        int number = previous.map(p -> p.getNumber() + 1).orElse(1);
        ListVersionRecord record = versions.saveAndFlush(new ListVersionRecord(list, number, format,
                parsed.publishedOn(), sha256, parsed.entries().size(), added, removed.size(), changed, who, at,
                cut(source, 200)));
        entries.insert(record.getId(), parsed.entries());
        audit.record(AuditTrail.Action.SANCTIONS_LIST_LOADED, list.name() + " version " + number, null,
                String.format(Locale.ROOT, "%s from %s: %d entries, %d added, %d removed, %d changed; SHA-256 %s",
                        format, cut(source, 40), parsed.entries().size(), added, removed.size(), changed,
                        sha256.substring(0, 16)));
        events.publishEvent(new ListVersionLoaded(list, record.getId(), Set.copyOf(addedOrChanged),
                Set.copyOf(removed)));
        return record.toVersion(true);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
    }
}
