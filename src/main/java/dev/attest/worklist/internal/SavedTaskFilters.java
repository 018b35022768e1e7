package dev.attest.worklist.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Saved task-list filters. */
public interface SavedTaskFilters extends JpaRepository<SavedTaskFilter, Long> {

    /** A user's own filters and the team's, team filters first, each group by name. */
    @Query("select f from SavedTaskFilter f where f.owner = ?1 or f.team = true order by f.team desc, lower(f.name)")
    List<SavedTaskFilter> visibleTo(String username);

    boolean existsByOwnerAndName(String owner, String name);

    boolean existsByTeamTrueAndNameIgnoreCase(String name);

    long countByOwner(String owner);
}
