package dev.attest.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.identity.internal.LoginThrottle;
import dev.attest.identity.internal.UserAccount;
import dev.attest.identity.internal.UserAccounts;
import dev.attest.validation.Choice;
import dev.attest.validation.EmailSyntax;
import dev.attest.validation.FieldErrors;
import dev.attest.validation.Text;

/**
 * User accounts (ADMIN): creating them with a generated password, resetting a password, disabling and enabling,
 * ending a login lock. A disabled user can no longer log in or call the API, and their
 * open browser sessions end at their next request, on whichever node holds them.
 */
@Service
public class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    /** Letters and digits that cannot be mistaken for each other when read out or typed. */
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;

    UserAdministration(UserAccounts accounts, ApplicationEventPublisher events,
            PasswordEncoder passwords, LoginThrottle throttle) {
        this.accounts = accounts;
        this.events = events;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /**
     * A new account as an administrator asks for it.
     *
     * @param username 2–64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter; not one
     *        of the names Attest itself uses ({@link UserAccount#RESERVED_USERNAMES})
     * @param displayName the name shown for the user (one line, at most 200 characters)
     * @param roles at least one of ANALYST, SENIOR_ANALYST, MANAGER, DESIGNER, ADMIN, INTAKE
     */
    public record NewAccount(String username, String displayName, List<String> roles) {
    }

    /**
     * An account with a password generated for it, shown this once to the administrator to pass on.
     *
     * @param account the account
     * @param password the generated password (20 characters; stored only as a hash)
     */
    public record Issued(Account account, String password) {
    }

    /** Creates an account with a generated password; every bad field is named and nothing is stored. */
    @Secured("ROLE_ADMIN")
    @Transactional
    public Issued create(NewAccount request) {
        NewAccount r = request == null ? new NewAccount(null, null, null) : request;
        var errors = new FieldErrors();
        String username = r.username() == null ? null : r.username().strip();
        String problem = UserAccount.usernameProblem(r.username());
        if (problem != null) {
            errors.add("username", problem);
        } else if (accounts.findByUsername(username).isPresent()) {
            errors.add("username", "is taken");
        }
        String displayName = errors.capture("displayName", () -> Text.requiredLine(
                r.displayName(), 200));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (r.roles() == null || r.roles().isEmpty()) {
            errors.add("roles", "needs at least one role");
        } else {
            for (String role : r.roles()) {
                Role parsed = errors.capture("roles", () -> Choice.required(Role.class, role));
                if (parsed != null) {
                    roles.add(parsed);
                }
            }
        }
        errors.throwIfAny();
        String password = generatedPassword();
        UserAccount account = accounts.save(new UserAccount(username, passwords.encode(password), displayName, roles));
        events.publishEvent(new AccountCreated(username, roles));
        log.warn("{} created the account {} ({})", CurrentUser.require().username(), username, roles);
        return new Issued(view(account), password);
    }

    /** Gives an account a new generated password (the old one stops working at once). */
    @Secured("ROLE_ADMIN")
    @Transactional
    public Issued resetPassword(String username) {
        if (CurrentUser.require().username().equals(username)) {
            throw new AccountChangeRefusedException("You cannot reset your own password here");
        }
        UserAccount account = find(username);
        String password = generatedPassword();
        account.setPasswordHash(passwords.encode(password), Instant.now());
        events.publishEvent(new PasswordReset(username));
        log.warn("{} reset the password of {}", CurrentUser.require().username(), username);
        return new Issued(view(account), password);
    }

    private static String generatedPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private Account view(UserAccount a) {
        return new Account(a.getUsername(), a.getDisplayName(), a.getRoles(), a.isEnabled(), a.getCreatedAt(),
                throttle.accountLockedUntil(a.getUsername()).orElse(null), a.getEmail());
    }

    /**
     * One account as administrators see it.
     *
     * @param username the login name
     * @param displayName the name shown for the user
     * @param roles what the user may do
     * @param enabled whether the user may log in and call the API
     * @param createdAt when the account was created
     * @param loginLockedUntil until when its logins are refused after too many failed ones (on the node that
     *        answers), or {@code null}
     * @param email where the daily digest of notifications goes, or {@code null}
     */
    public record Account(String username, String displayName, Set<Role> roles, boolean enabled,
            Instant createdAt, Instant loginLockedUntil, String email) {
    }

    /** Every account, by user name. */
    @Secured("ROLE_ADMIN")
    @Transactional(readOnly = true)
    public List<Account> accounts() {
        return accounts.findAll(Sort.by("username")).stream()
                .map(this::view).toList();
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

    /**
     * Ends an account's login lock (after too many failed logins) and forgets its failures, on this node; audited.
     * Locks of client addresses are left to expire.
     *
     * @return whether the account was locked
     */
    @Secured("ROLE_ADMIN")
    @Transactional
    public boolean unlockLogin(String username) {
        UserAccount account = find(username);
        boolean wasLocked = throttle.unlock(account.getUsername());
        events.publishEvent(new LoginUnlocked(account.getUsername()));
        log.warn("{} ended the login lock of {} ({})", CurrentUser.require().username(), account.getUsername(),
                wasLocked ? "it was locked" : "it was not locked");
        return wasLocked;
    }

    /**
     * Sets, changes or (with {@code null} or blanks) removes an account's e-mail address, where the daily digest of
     * its notifications goes; audited. The same address unchanged records nothing.
     *
     * @throws dev.attest.validation.InvalidInputException naming {@code email} when it is no valid address (at most
     *         254 characters); nothing is stored
     */
    @Secured("ROLE_ADMIN")
    @Transactional
    public Account setEmail(String username, String email) {
        UserAccount account = find(username);
        String address = null;
        if (email != null && !email.isBlank()) {
            var errors = new FieldErrors();
            address = errors.capture("email", () -> EmailSyntax.normalised(email));
            errors.throwIfAny();
        }
        String before = account.getEmail();
        if (!Objects.equals(before, address)) {
            account.setEmail(address);
            events.publishEvent(new AccountEmailChanged(account.getUsername(), address, before != null));
            log.warn("{} {} the e-mail address of {}", CurrentUser.require().username(),
                    address == null ? "removed" : before == null ? "set" : "changed", account.getUsername());
        }
        return view(account);
    }

    /**
     * Whether a browser session opened at {@code since} may go on: the account exists, is enabled, and its
     * password was not reset after that (read on every request of a browser session).
     */
    @Transactional(readOnly = true)
    public boolean isActive(String username, Instant since) {
        return accounts.findByUsername(username).map(a -> a.isEnabled()
                && (a.getPasswordChangedAt() == null || !a.getPasswordChangedAt().isAfter(since))).orElse(false);
    }

    private UserAccount find(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new UserNotFoundException(username));
    }
}
