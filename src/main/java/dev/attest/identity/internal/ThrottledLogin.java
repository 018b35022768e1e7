package dev.attest.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import dev.attest.identity.LoginFailed;
import dev.attest.identity.LoginLocked;

/**
 * The one place a password is checked, for the form login and HTTP Basic alike: a locked account or address is
 * refused before its password is looked at; a wrong password (or an unknown or disabled account) is counted by the
 * {@link LoginThrottle}; a successful login starts the account's count over and makes its address known to the
 * account (the account's lock does not hold there, so nobody can lock the owner out by guessing elsewhere). The first failure of an existing
 * account in a window and every lock are published for the audit trail.
 */
class ThrottledLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger("dev.attest.security");

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;
    private final LoginSettings settings;
    private final Clock clock;

    ThrottledLogin(JpaUserDirectory directory, PasswordEncoder encoder, LoginThrottle throttle, UserAccounts accounts,
            ApplicationEventPublisher events, LoginSettings settings, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(directory::loadUserByUsername);
        this.passwords.setPasswordEncoder(encoder);
        // told apart here (an unknown name is counted, not audited), and hidden again below
        this.passwords.setHideUserNotFoundExceptions(false);
        this.throttle = throttle;
        this.accounts = accounts;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
        Optional<Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            log.info("Refused a login of {} from {}: locked for {}s more", printable(username), address,
                    locked.get().toSeconds());
            throw new LoginLockedException(clock.instant(), locked.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username, address);
            return result;
        } catch (UsernameNotFoundException e) {
            failed(username, address, null);
            throw new BadCredentialsException("Bad credentials");
        } catch (BadCredentialsException e) {
            failed(username, address, "wrong password");
            throw e;
        } catch (AccountStatusException e) {
            failed(username, address, "account disabled");
            throw e;
        }
    }

    /** A failed login; {@code cause} is null when no such account exists (counted, not audited). */
    private void failed(String username, String address, String cause) {
        boolean exists = cause != null;
        LoginThrottle.Counted counted = throttle.failed(username, address);
        log.info("Failed login of {}{} from {}", printable(username), exists ? "" : " (no such account)", address);
        try {
            if (exists && counted.account() == LoginThrottle.Outcome.FIRST_FAILURE) {
                events.publishEvent(new LoginFailed(accounts.findByUsername(username)
                        .map(UserAccount::getUsername).orElse(username), address, cause));
            }
            if (counted.account() == LoginThrottle.Outcome.LOCKED) {
                log.warn("Locked logins of {} for {}s: {} failed logins within {}", printable(username),
                        counted.accountLock().toSeconds(), counted.accountFailures(), settings.window());
                // the account the lock holds, however the name was typed (ANALYST, ａｎａｌｙｓｔ)
                var locked = accounts.findByUsername(exists ? username : LoginThrottle.folded(username));
                if (locked.isPresent()) {
                    events.publishEvent(new LoginLocked(locked.get().getUsername(), address,
                            counted.accountFailures(), settings.window(), counted.accountLock()));
                }
            }
            if (counted.address() == LoginThrottle.Outcome.LOCKED) {
                log.warn("Locked logins from {} for {}s: {} failed logins within {}", address,
                        counted.addressLock().toSeconds(), settings.maxFailuresPerAddress(), settings.window());
                events.publishEvent(new LoginLocked(null, address, settings.maxFailuresPerAddress(),
                        settings.window(), counted.addressLock()));
            }
        } catch (RuntimeException e) {
            // the login is refused all the same; the audit's failure is the operators' business
            log.error("Could not audit a failed login of {} from {}", printable(username), address, e);
        }
    }

    /** A name as typed by anyone, safe for one log line. */
    static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length() + 2).append('\'');
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }
}
