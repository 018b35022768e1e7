package dev.attest.screening.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseErased;

/**
 * Deletes a case's screenings (subjects, runs, hits, remembered false positives) when the case is erased after its
 * retention period: they name the client and the owners.
 */
@Component
class ScreeningErasure {

    private final JdbcTemplate jdbc;

    ScreeningErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void erase(CaseErased erased) {
        for (String table : new String[] {"screening_false_positive", "screening_hit", "screening_run",
                "screening_subject"}) {
            jdbc.update("delete from " + table + " where case_id = ?", erased.caseId());
        }
    }
}
