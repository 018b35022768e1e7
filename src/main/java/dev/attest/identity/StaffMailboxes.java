package dev.attest.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.identity.internal.UserAccount;
import dev.attest.identity.internal.UserAccounts;

/**
 * The staff's e-mail addresses for the daily digest of their notifications, and the once-a-day claim of each
 * user's digest. Called by the scheduled digest only (nobody is logged in), so it carries no role check and is
 * no endpoint's.
 */
@Service
public class StaffMailboxes {

    /** The roles notifications are written for. */
    public static final Set<Role> STAFF = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER);

    private final UserAccounts accounts;

    StaffMailboxes(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * A staff user the digest may go to.
     *
     * @param username the login name
     * @param displayName the name to greet
     * @param email the account's address
     * @param lastDigestAt when their last digest was claimed, or {@code null} for never
     */
    public record Mailbox(String username, String displayName, String email, Instant lastDigestAt) {
    }

    /** Enabled accounts with an e-mail address and a staff role (analyst, senior analyst, manager), by user name. */
    @Transactional(readOnly = true)
    public List<Mailbox> digestRecipients() {
        return accounts.findByEnabledTrueAndEmailIsNotNullOrderByUsername().stream()
                .filter(a -> a.getRoles().stream().anyMatch(STAFF::contains))
                .map(StaffMailboxes::mailbox).toList();
    }

    /**
     * Claims a user's digest in the caller's transaction, so that the claim and the e-mail commit together: moves
     * their last digest time from {@code previous} (as read in {@link #digestRecipients()}) to {@code now}, if no
     * other run moved it meanwhile and it was before {@code due}.
     *
     * @return whether this run may send the digest
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claimDigest(String username, Instant previous, Instant due, Instant now) {
        return (previous == null ? accounts.claimFirstDigest(username, now)
                : previous.isBefore(due) ? accounts.claimDigest(username, previous, due, now) : 0) == 1;
    }

    private static Mailbox mailbox(UserAccount a) {
        return new Mailbox(a.getUsername(), a.getDisplayName(), a.getEmail(), a.getLastDigestAt());
    }
}
