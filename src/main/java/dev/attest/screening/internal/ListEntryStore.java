package dev.attest.screening.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CountryCode;
import dev.attest.screening.EntryType;
import dev.attest.screening.SanctionsEntry;
import dev.attest.screening.SanctionsList;

/** Writes a version's entries in JDBC batches and reads them back, fast enough for 60,000 entries at start-up. */
@Component
public class ListEntryStore {

    private static final String SEPARATOR = "\u001f";
    private static final int BATCH = 1_000;
    private static final int MAX_ALIASES = 60_000;

    private final JdbcTemplate jdbc;

    public ListEntryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the entries of a version, in the caller's transaction. */
    public void insert(long versionId, List<SanctionsEntry> entries) {
        String sql = "insert into screening_list_entry (version_id, entry_id, entry_type, name, aliases, birth_dates,"
                + " countries, programmes, remarks, fingerprint) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<Object[]> rows = new ArrayList<>(BATCH);
            for (SanctionsEntry e : entries.subList(from, Math.min(entries.size(), from + BATCH))) {
                rows.add(new Object[] {versionId, e.entryId(), e.type().name(), e.name(),
                        join(e.aliases(), MAX_ALIASES), join(e.birthDates(), 2000),
                        join(e.countries().stream().map(CountryCode::value).sorted().toList(), 1000),
                        join(e.programmes(), 4000), e.remarks(), e.fingerprint()});
            }
            jdbc.batchUpdate(sql, rows);
        }
    }

    /** The entries of a version, in the order they were stored. */
    public List<SanctionsEntry> load(long versionId, SanctionsList list) {
        return jdbc.query("select entry_id, entry_type, name, aliases, birth_dates, countries, programmes, remarks, "
                + "fingerprint from screening_list_entry where version_id = ? order by id", (rs, n) -> {
                    Set<CountryCode> countries = new LinkedHashSet<>();
                    for (String c : split(rs.getString(6))) {
                        countries.add(new CountryCode(c));
                    }
                    return new SanctionsEntry(list, rs.getString(1), EntryType.valueOf(rs.getString(2)),
                            rs.getString(3), split(rs.getString(4)), split(rs.getString(5)), countries,
                            split(rs.getString(7)), rs.getString(8), rs.getString(9));
                }, versionId);
    }

    /** The fingerprint of each entry of a version, by entry id. */
    public Map<String, String> fingerprints(long versionId) {
        Map<String, String> found = new HashMap<>();
        jdbc.query("select entry_id, fingerprint from screening_list_entry where version_id = ?",
                rs -> {
                    found.put(rs.getString(1), rs.getString(2));
                }, versionId);
        return found;
    }

    /** The newest version id, 0 when none: changes exactly when a version comes into force. */
    public long newestVersionId() {
        Long max = jdbc.queryForObject("select max(id) from screening_list_version", Long.class);
        return max == null ? 0 : max;
    }

    private static String join(List<String> values, int max) {
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            if (out.length() + v.length() + 1 > max) {
                break;
            }
            if (!out.isEmpty()) {
                out.append(SEPARATOR);
            }
            out.append(v);
        }
        return out.toString();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }
}
