package dev.attest.screening.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.attest.screening.SanctionsList;

/** The stored versions. */
public interface ListVersionRecords extends JpaRepository<ListVersionRecord, Long> {

    /** The version in force of a list: its newest. */
    Optional<ListVersionRecord> findFirstByListOrderByNumberDesc(SanctionsList list);

    /** Every version, each list's newest first. */
    List<ListVersionRecord> findAllByOrderByListAscNumberDesc();

    /** The newest version of each list. */
    @Query("select v from ListVersionRecord v where v.number = (select max(w.number) from ListVersionRecord w "
            + "where w.list = v.list)")
    List<ListVersionRecord> inForce();
}
