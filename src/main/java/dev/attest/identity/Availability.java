package dev.attest.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.identity.internal.UserAccount;
import dev.attest.identity.internal.UserAccounts;
import dev.attest.validation.InvalidInputException;

/**
 * Whether staff (analysts, senior analysts, managers) are away: a user marks themselves away until a day, a manager
 * may do it for any of them. Away users are given no new work, by hand or automatically, and pickers show them as
 * away; the day is the last day away (inclusive), read in {@code attest.zone}. Every change is audited.
 */
@Service
public class Availability {

    private static final Logger log = LoggerFactory.getLogger(Availability.class);

    /** The roles that have a worklist, and so an availability. */
    public static final Set<Role> STAFF = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER);

    /** How far ahead one may be marked away. */
    public static final int MAX_DAYS_AHEAD = 366;

    private final UserAccounts accounts;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    Availability(UserAccounts accounts, UserDirectory directory, ApplicationEventPublisher events, Clock clock,
            ZoneId zone) {
        this.accounts = accounts;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** The caller's last day away, or {@code null} when they are available today. */
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    @Transactional(readOnly = true)
    public LocalDate mine() {
        return directory.awayUntil(CurrentUser.require().username()).orElse(null);
    }

    /**
     * Marks the caller away through {@code awayUntil}, or available with {@code null}.
     *
     * @throws InvalidInputException (field {@code awayUntil}) for a day before today or more than a year ahead
     */
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    @Transactional
    public void setMine(LocalDate awayUntil) {
        change(CurrentUser.require().username(), awayUntil);
    }

    /**
     * Marks a staff user away through {@code awayUntil}, or available with {@code null} (MANAGER).
     *
     * @throws UserNotFoundException when there is no such account
     * @throws InvalidInputException naming {@code username} (not staff) or {@code awayUntil}
     */
    @Secured("ROLE_MANAGER")
    @Transactional
    public void set(String username, LocalDate awayUntil) {
        change(username, awayUntil);
    }

    /** Every enabled staff account with its availability, by user name (MANAGER). */
    @Secured("ROLE_MANAGER")
    @Transactional(readOnly = true)
    public List<StaffMember> team() {
        return directory.staff(STAFF);
    }

    private void change(String username, LocalDate awayUntil) {
        UserAccount account = accounts.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new UserNotFoundException(username));
        if (account.getRoles().stream().noneMatch(STAFF::contains)) {
            throw new InvalidInputException("username", username + " has no worklist (not an analyst, senior analyst "
                    + "or manager)");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (awayUntil != null && awayUntil.isBefore(today)) {
            throw new InvalidInputException("awayUntil", "must be today or later (" + today + ")");
        }
        if (awayUntil != null && awayUntil.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new InvalidInputException("awayUntil", "must be within a year (by " + today.plusDays(MAX_DAYS_AHEAD)
                    + ")");
        }
        account.setAwayUntil(awayUntil);
        events.publishEvent(new AvailabilityChanged(account.getUsername(), awayUntil));
        log.info("{} marked {} {}", CurrentUser.require().username(), account.getUsername(),
                awayUntil == null ? "available" : "away until " + awayUntil);
    }
}
