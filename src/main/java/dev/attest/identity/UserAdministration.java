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
