package dev.attest.identity;

import java.time.LocalDate;
import java.util.Set;

/**
 * A person who may be given work, as a user picker shows them.
 *
 * @param username the login name
 * @param displayName the name shown for them
 * @param roles what they may do
 * @param awayUntil the last day they are away (given no new work), or {@code null} when they are available today
 */
public record StaffMember(String username, String displayName, Set<Role> roles, LocalDate awayUntil) {

    /** Whether they are away today (then they get no new work). */
    public boolean away() {
        return awayUntil != null;
    }

    /** The name with the user name and, when they are away, until when: for pickers. */
    public String label() {
        return displayName + " (" + username + ")" + (away() ? " · away until " + awayUntil : "");
    }
}
