package dev.attest.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Who the users of Attest are: names to show and accounts to create.
 */
public interface UserDirectory {

    /** Display names of the given user names; unknown names map to themselves. */
    Map<String, String> displayNames(Collection<String> usernames);

    /** Display name of one user, or the user name when unknown. */
    default String displayName(String username) {
        return displayNames(Set.of(username)).getOrDefault(username, username);
    }

    /**
     * Creates an account. Only an administrator may do this.
     *
     * @throws IllegalArgumentException when the user name is taken or the password is too short
     */
    void createUser(String username, String rawPassword, String displayName, Set<Role> roles);
}
