package dev.attest.identity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who the users of Attest are: the names to show for them.
 */
public interface UserDirectory {

    /** Display names of the given user names; unknown names map to themselves. */
    Map<String, String> displayNames(Collection<String> usernames);

    /** Display name of one user, or the user name when unknown. */
    default String displayName(String username) {
        return displayNames(Set.of(username)).getOrDefault(username, username);
    }

    /**
     * Whether a user may be given a task offered to a role's group: their account exists, is enabled and has the
     * role. No login needed: it answers only yes or no, for routing work (a re-review back to its analyst).
     */
    default boolean mayTake(String username, Role role) {
        return mayTake(username, java.util.Set.of(role));
    }

    /** Whether a user may be given a task offered to any of these roles' groups (one read of the account). */
    boolean mayTake(String username, java.util.Collection<Role> roles);

    /**
     * The enabled accounts holding any of these roles, by user name, each with the last day they are away when they
     * are away today. For routing work (pickers, automatic assignment); it reveals names and roles only.
     */
    List<StaffMember> staff(Collection<Role> roles);

    /** The last day the user is away when they are away today, or empty (available, or no such account). */
    Optional<LocalDate> awayUntil(String username);
}
