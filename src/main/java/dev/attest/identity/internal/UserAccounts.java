package dev.attest.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored user accounts. */
public interface UserAccounts extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    /** The accounts with these user names, their roles read in the same query. */
    @EntityGraph(attributePaths = "roles")
    List<UserAccount> findByUsernameIn(Collection<String> usernames);

    /**
     * The enabled accounts, their roles read in the same query (the roles are eager: without the join Hibernate reads
     * them with one query per account).
     */
    @EntityGraph(attributePaths = "roles")
    List<UserAccount> findByEnabledTrue();

    /** Enabled accounts with an e-mail address, by user name (the digest's candidates). */
    @EntityGraph(attributePaths = "roles")
    List<UserAccount> findByEnabledTrueAndEmailIsNotNullOrderByUsername();

    /**
     * Claims a user's digest: moves {@code lastDigestAt} from the value read ({@code previous}) to {@code now}, only
     * while it still holds that value and is before {@code due}. One update of one row: of two nodes claiming at
     * once, the second waits for the first's row lock and then matches nothing.
     *
     * @return 1 when claimed, 0 when another run claimed it first or it was sent at or after {@code due}
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update UserAccount a set a.lastDigestAt = :now where a.username = :username
            and a.lastDigestAt = :previous and a.lastDigestAt < :due""")
    int claimDigest(@Param("username") String username, @Param("previous") Instant previous,
            @Param("due") Instant due, @Param("now") Instant now);

    /** Claims the first digest of a user who never had one, as {@link #claimDigest} does. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update UserAccount a set a.lastDigestAt = :now where a.username = :username and a.lastDigestAt is null")
    int claimFirstDigest(@Param("username") String username, @Param("now") Instant now);
}
