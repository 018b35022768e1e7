package dev.attest.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.identity.internal.UserAccount;
import dev.attest.identity.internal.UserAccounts;

/**
 * Disabling and enabling user accounts (ADMIN). A disabled user can no longer log in or call the API, and their
 * open browser sessions end at their next request, on whichever node holds them.
 */
@Service
public class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    private final UserAccounts accounts;
    private final org.springframework.context.ApplicationEventPublisher events;

    UserAdministration(UserAccounts accounts, org.springframework.context.ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    /**
     * One account as administrators see it.
     *
     * @param username the login name
     * @param displayName the name shown for the user
     * @param roles what the user may do
     * @param enabled whether the user may log in and call the API
     * @param createdAt when the account was created
     */
    public record Account(String username, String displayName, java.util.Set<Role> roles, boolean enabled,
            java.time.Instant createdAt) {
    }

    /** Every account, by user name. */
    @Secured("ROLE_ADMIN")
    @Transactional(readOnly = true)
    public java.util.List<Account> accounts() {
        return accounts.findAll(org.springframework.data.domain.Sort.by("username")).stream()
                .map(a -> new Account(a.getUsername(), a.getDisplayName(), a.getRoles(), a.isEnabled(),
                        a.getCreatedAt()))
                .toList();
    }

    @Secured("ROLE_ADMIN")
    @Transactional
    public void disable(String username) {
        if (CurrentUser.require().username().equals(username)) {
            throw new AccountChangeRefusedException("You cannot disable your own account");
        }
        UserAccount account = find(username);
        account.setEnabled(false);
        events.publishEvent(new AccountChanged(username, false));
        log.warn("{} disabled the account {}", CurrentUser.require().username(), username);
    }

    @Secured("ROLE_ADMIN")
    @Transactional
    public void enable(String username) {
        find(username).setEnabled(true);
        events.publishEvent(new AccountChanged(username, true));
        log.warn("{} enabled the account {}", CurrentUser.require().username(), username);
    }

    /** Whether the account exists and may work (read on every request of a browser session). */
    @Transactional(readOnly = true)
    public boolean isActive(String username) {
        return accounts.findByUsername(username).map(UserAccount::isEnabled).orElse(false);
    }

    private UserAccount find(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new UserNotFoundException(username));
    }
}
