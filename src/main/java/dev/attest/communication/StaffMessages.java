package dev.attest.communication;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import dev.attest.communication.internal.OutboxMessages;

/**
 * E-mails to staff: the daily digest of a user's unread notifications, rendered from {@code mail/staff-digest.mustache}
 * and stored in the outbox in the caller's transaction like a client's e-mail (sent by the {@link MailRelay}, held
 * when no SMTP server is configured). Links point into Attest at the {@link PublicAddress}. Called by the scheduled
 * digest, so it carries no role check.
 */
@Service
public class StaffMessages {

    /** The most notifications one digest lists; the rest are counted with a link to the inbox. */
    public static final int MAX_ITEMS = 15;
    /** The most of a notification's text a digest quotes. */
    static final int MAX_TEXT = 200;
    /** The outbox's largest body. */
    private static final int MAX_BODY = 8000;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, h:mm a", Locale.US);

    private final OutboxMessages outbox;
    private final PublicAddress address;
    private final MailRelay relay;
    private final Clock clock;
    private final ZoneId zone;
    private final Template body;
    private final Template subject;

    StaffMessages(OutboxMessages outbox, PublicAddress address, MailRelay relay, Clock clock, ZoneId zone) {
        this.outbox = outbox;
        this.address = address;
        this.relay = relay;
        this.clock = clock;
        this.zone = zone;
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).strictSections(false)
                .emptyStringIsFalse(true).zeroIsFalse(true).defaultValue("");
        this.subject = compiler.compile(MailTemplate.STAFF_DIGEST.subject());
        try (Reader reader = new InputStreamReader(new ClassPathResource(MailTemplate.STAFF_DIGEST.resource())
                .getInputStream(), StandardCharsets.UTF_8)) {
            this.body = compiler.compile(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Mail template missing: " + MailTemplate.STAFF_DIGEST.resource(), e);
        }
    }

    /**
     * One notification of a digest, as the inbox shows it.
     *
     * @param label what kind of notification, in words
     * @param text its text
     * @param route the app's route it leads to ({@code cases/<reference>} or {@code tasks/<task id>})
     * @param at when it was written
     */
    public record DigestItem(String label, String text, String route, Instant at) {
    }

    /**
     * Queues a user's digest.
     *
     * @param email the user's address
     * @param displayName the name to greet
     * @param since when the digest's period began (the last digest), or {@code null} for the first one
     * @param total how many unread notifications the period has
     * @param items the newest of them, newest first; up to {@value #MAX_ITEMS} are listed, the rest counted
     */
    @Transactional
    public OutboxMessage digest(String email, String displayName, Instant since, long total, List<DigestItem> items) {
        if (items == null || items.isEmpty() || total < items.size()) {
            throw new IllegalArgumentException("A digest lists at least one notification, and no more than it counts");
        }
        String base = address.url();
        Map<String, Object> model = new HashMap<>();
        model.put("displayName", displayName);
        model.put("count", total);
        model.put("one", total == 1);
        model.put("since", since == null ? "your first digest" : WHEN.format(since.atZone(zone)));
        model.put("inboxUrl", base + "/");
        String text = null;
        for (int listed = Math.min(MAX_ITEMS, items.size()); text == null || text.length() > MAX_BODY; listed--) {
            // a very long public address could make a full list outgrow the outbox's body: list fewer
            model.put("items", items.stream().limit(listed).map(i -> Map.of("label", i.label(), "text", cut(i.text()),
                    "at", WHEN.format(i.at().atZone(zone)), "url", base + "/" + i.route())).toList());
            model.put("more", total - listed);
            text = body.execute(model);
            if (listed == 0) {
                break;
            }
        }
        OutboxMessage message = outbox.save(new OutboxMessage(null, MailTemplate.STAFF_DIGEST, email,
                subject.execute(model), text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY), null,
                clock.instant()));
        relay.wakeAfterCommit();
        return message;
    }

    private static String cut(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT - 1) + "…";
    }
}
