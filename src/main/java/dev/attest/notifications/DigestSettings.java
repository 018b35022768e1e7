package dev.attest.notifications;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily e-mail digest of the staff's unread notifications ({@code attest.notifications.digest.*}).
 *
 * @param enabled whether digests are sent (default false); each goes to an enabled analyst's, senior analyst's or
 *        manager's account with an e-mail address, through the outbox
 * @param time the time of day, {@code HH:mm} in {@code attest.zone}, from which each day's digests are sent (default
 *        07:30); a node that was down then sends them when it is back the same day
 */
@ConfigurationProperties(prefix = "attest.notifications.digest")
public record DigestSettings(@DefaultValue("false") boolean enabled, @DefaultValue("07:30") String time) {

    public DigestSettings {
        at(time);
    }

    /** The time of day digests are due, in {@code attest.zone}. */
    public LocalTime at() {
        return at(time);
    }

    private static LocalTime at(String time) {
        try {
            return LocalTime.parse(time == null ? "" : time.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("attest.notifications.digest.time must be a time of day like 07:30, not '"
                    + time + "'");
        }
    }
}
