package dev.attest.screening.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.screening.ListsInForce;
import dev.attest.screening.SanctionsEntry;
import dev.attest.screening.SanctionsList;

/**
 * The entries of the versions in force, kept in memory and read again from the database when the newest version id
 * (the generation, one indexed query) changed: a version loaded on another node sharing the database comes into
 * force here at the next call.
 */
@Component
class StoredListsInForce implements ListsInForce {

    private record Snapshot(long generation, List<SanctionsEntry> all,
            Map<SanctionsList, Map<String, SanctionsEntry>> byList) {
    }

    private final ListVersionRecords versions;
    private final ListEntryStore store;
    private final TransactionTemplate readOnly;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of(), Map.of());

    StoredListsInForce(ListVersionRecords versions, ListEntryStore store, PlatformTransactionManager transactions) {
        this.versions = versions;
        this.store = store;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public List<SanctionsEntry> entries() {
        return current().all;
    }

    @Override
    public List<SanctionsEntry> entries(SanctionsList list, Collection<String> entryIds) {
        Map<String, SanctionsEntry> ofList = current().byList.getOrDefault(list, Map.of());
        List<SanctionsEntry> found = new ArrayList<>();
        for (String id : entryIds) {
            SanctionsEntry e = ofList.get(id);
            if (e != null) {
                found.add(e);
            }
        }
        return found;
    }

    @Override
    public long generation() {
        return store.newestVersionId();
    }

    private Snapshot current() {
        long generation = generation();
        Snapshot s = snapshot;
        if (s.generation == generation) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s.generation != generation) {
                s = readOnly.execute(status -> load(generation));
                snapshot = s;
            }
            return s;
        }
    }

    /** Versions that came into force after the generation was read are read too; the next call reads again. */
    private Snapshot load(long generation) {
        Map<SanctionsList, Map<String, SanctionsEntry>> byList = new EnumMap<>(SanctionsList.class);
        List<SanctionsEntry> all = new ArrayList<>();
        for (ListVersionRecord v : versions.inForce()) {
            List<SanctionsEntry> entries = store.load(v.getId(), v.getList());
            Map<String, SanctionsEntry> ofList = new LinkedHashMap<>();
            entries.forEach(e -> ofList.put(e.entryId(), e));
            byList.put(v.getList(), ofList);
            all.addAll(entries);
        }
        return new Snapshot(generation, List.copyOf(all), byList);
    }
}
