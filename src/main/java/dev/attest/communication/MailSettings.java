package dev.attest.communication;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How e-mails go out ({@code attest.mail.*}). The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} every e-mail is held in the outbox.
 *
 * @param from the sender (default {@code Attest <no-reply@attest.local>})
 * @param relayInterval how often each node's relay looks for due e-mails besides the ones its own transactions
 *        wrote: other nodes' (should theirs be down), retries, and those a crashed node left (default 5 seconds)
 * @param relayBatch e-mails a relay reads as due at once and sends, one transaction each, before it reads
 *        again (default 20)
 * @param retryDelays the waits after each failed attempt; after the last one the e-mail is failed, an incident
 *        (default 1, 5, 15, 60 and 240 minutes: six attempts over about five and a half hours)
 */
@ConfigurationProperties(prefix = "attest.mail")
public record MailSettings(@DefaultValue("Attest <no-reply@attest.local>") String from,
        @DefaultValue("5s") Duration relayInterval, @DefaultValue("20") int relayBatch,
        @DefaultValue({"1m", "5m", "15m", "60m", "240m"}) List<Duration> retryDelays) {

    public MailSettings {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("attest.mail.from must name a sender");
        }
        if (relayInterval == null || relayInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("attest.mail.relay-interval must be at least 100ms");
        }
        if (relayBatch < 1) {
            throw new IllegalArgumentException("attest.mail.relay-batch must be at least 1");
        }
        if (retryDelays == null || retryDelays.stream().anyMatch(d -> d == null || d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("attest.mail.retry-delays must be positive durations");
        }
        retryDelays = List.copyOf(retryDelays);
    }
}
