package dev.attest.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only counts and lists over the case files ({@code case_file}) for read models such as the manager's
 * dashboard, so that the cases module stays the one owner of its table. Each method is one query. It checks no
 * role: its callers do (the dashboard is for managers), and they may call it from threads of their own.
 */
@Component
public class CaseFigures {

    private static final String ROW = "SELECT c.reference, c.type, c.client_full_name, c.created_at, c.closed_at"
            + " FROM case_file c";

    private final NamedParameterJdbcTemplate jdbc;

    CaseFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One case.
     *
     * @param reference its reference
     * @param type its type's name
     * @param client the client's full name
     * @param at when it was opened, or closed (for {@link #closed})
     */
    public record CaseRow(String reference, String type, String client, Instant at) {
    }

    /** Cases not closed, of one case type or all ({@code null}). */
    public long open(String caseType) {
        return count(" WHERE c.status <> 'CLOSED'", caseType);
    }

    /** Cases not triaged yet (status {@code OPEN}), of one case type or all ({@code null}). */
    public long notTriaged(String caseType) {
        return count(" WHERE c.status = 'OPEN'", caseType);
    }

    /** Cases not closed, the oldest first. */
    public List<CaseRow> openCases(String caseType, int limit) {
        return jdbc.query(ROW + " WHERE c.status <> 'CLOSED'" + type(caseType) + " ORDER BY c.created_at LIMIT " + limit,
                params(caseType), opened);
    }

    /** Cases not triaged yet, the oldest first. */
    public List<CaseRow> notTriagedCases(String caseType, int limit) {
        return jdbc.query(ROW + " WHERE c.status = 'OPEN'" + type(caseType) + " ORDER BY c.created_at LIMIT " + limit,
                params(caseType), opened);
    }

    /** Cases of a type closed in {@code [from, to)}, the longest to resolve first. */
    public List<CaseRow> closed(Instant from, Instant to, String caseType, int limit) {
        return jdbc.query(ROW + " WHERE c.closed_at >= :from AND c.closed_at < :to AND c.type = :caseType"
                + " ORDER BY c.working_minutes DESC LIMIT " + limit, params(caseType)
                        .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), closedRow);
    }

    private long count(String where, String caseType) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM case_file c" + where + type(caseType), params(caseType),
                Long.class);
        return n == null ? 0 : n;
    }

    private final RowMapper<CaseRow> opened = (rs, i) -> new CaseRow(rs.getString("reference"), rs.getString("type"),
            rs.getString("client_full_name"), instant(rs.getTimestamp("created_at")));

    private final RowMapper<CaseRow> closedRow = (rs, i) -> new CaseRow(rs.getString("reference"),
            rs.getString("type"), rs.getString("client_full_name"), instant(rs.getTimestamp("closed_at")));

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static MapSqlParameterSource params(String caseType) {
        return new MapSqlParameterSource().addValue("caseType", caseType);
    }

    private static String type(String caseType) {
        return caseType == null ? "" : " AND c.type = :caseType";
    }
}
