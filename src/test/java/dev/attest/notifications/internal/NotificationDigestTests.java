package dev.attest.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.AttestTest;
import dev.attest.communication.PublicAddress;
import dev.attest.communication.StaffMessages;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.StaffMailboxes;
import dev.attest.identity.UserAdministration;
import dev.attest.notifications.DigestSettings;
import dev.attest.notifications.NotificationKind;
import dev.attest.notifications.StaffNotification;

/**
 * The daily digest, run as two nodes would run it (two instances, the same database) on a clock set to chosen days:
 * one e-mail per user and day listing their unread notifications since the last digest with links into Attest; none
 * when digests are disabled, the account has no address, is disabled or no staff's, or nothing is unread.
 */
@AttestTest
class NotificationDigestTests {

    @Autowired UserAdministration users;
    @Autowired StaffMailboxes mailboxes;
    @Autowired StaffNotifications notifications;
    @Autowired StaffMessages messages;
    @Autowired PublicAddress address;
    @Autowired ZoneId zone;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcTemplate jdbc;

    /** A day in the future of every other test's digests, so that each run's "today" is this test's. */
    LocalDate day;
    String prefix;

    @BeforeEach
    void aDay() {
        prefix = "dg-" + UUID.randomUUID().toString().substring(0, 6);
        day = LocalDate.of(2040, 1, 1).plusDays(Math.floorMod(prefix.hashCode(), 3000));
    }

    Instant at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    NotificationDigest node(boolean enabled, Instant now) {
        return new NotificationDigest(new DigestSettings(enabled, "07:30"), mailboxes, notifications, messages,
                Clock.fixed(now, zone), zone, transactions);
    }

    String staff(String name, String email, Role... roles) {
        String username = prefix + "-" + name;
        RunAs.user("admin", () -> {
            users.create(new UserAdministration.NewAccount(username, "Staff " + name,
                    Arrays.stream(roles).map(Role::name).toList()));
            if (email != null) {
                users.setEmail(username, email);
            }
        }, Role.ADMIN);
        return username;
    }

    StaffNotification notify(String user, String text, Instant at) {
        return notifications.save(new StaffNotification(user, NotificationKind.TASK_ASSIGNED, text,
                "tasks/" + UUID.randomUUID(), null, at.truncatedTo(ChronoUnit.MICROS)));
    }

    List<Map<String, Object>> mails(String email) {
        return jdbc.queryForList("select subject, body, template, case_reference from mail_outbox where recipient = ? "
                + "order by created_at", email);
    }

    @Test
    void eachUserGetsOneDigestADayOfWhatTheyHaveNotReadSinceTheLast() {
        String email = prefix + "@staff.example.org";
        String user = staff("ana", email, Role.ANALYST);
        StaffNotification first = notify(user, "Mia Manager gave you \"Review passport\"", at(day, 6));
        notify(user, "Sam Senior mentioned you on CASE-2040-000001: please look", at(day, 7));
        StaffNotification read = notify(user, "An old one already read", at(day, 5));
        jdbc.update("update staff_notification set read_at = ? where id = ?", Timestamp.from(at(day, 6)),
                read.getId());

        assertThat(node(true, at(day, 7)).sendDue()).as("before 07:30 nothing is due").isZero();
        assertThat(mails(email)).isEmpty();

        node(true, at(day, 9)).sendDue();
        node(true, at(day, 9)).sendDue(); // the second node, the same round
        node(true, at(day, 16)).sendDue(); // a later round the same day
        assertThat(mails(email)).hasSize(1);
        Map<String, Object> mail = mails(email).get(0);
        assertThat(mail.get("template")).isEqualTo("STAFF_DIGEST");
        assertThat(mail.get("case_reference")).isNull();
        assertThat(mail.get("subject")).isEqualTo("Attest: 2 unread notifications");
        assertThat((String) mail.get("body")).contains("Hello Staff ana,", "Task assigned to you",
                "Mia Manager gave you \"Review passport\"", address.url() + "/" + first.getLink(),
                "Sam Senior mentioned you on CASE-2040-000001: please look")
                .doesNotContain("An old one already read");

        notify(user, "A new task for the next day", at(day, 12));
        node(true, at(day.plusDays(1), 8)).sendDue();
        node(true, at(day.plusDays(1), 8)).sendDue();
        assertThat(mails(email)).hasSize(2);
        assertThat(mails(email).get(1).get("subject")).isEqualTo("Attest: 1 unread notification");
        assertThat((String) mails(email).get(1).get("body")).contains("A new task for the next day")
                .as("only what came since the last digest").doesNotContain("Review passport");
    }

    boolean claim(String user, Instant previous, Instant due, Instant now) {
        Boolean claimed = new TransactionTemplate(transactions)
                .execute(s -> mailboxes.claimDigest(user, previous, due, now));
        return Boolean.TRUE.equals(claimed);
    }

    @Test
    void ofTwoNodesThatReadTheSameLastDigestOnlyTheFirstClaimsTheDay() {
        String user = staff("race", prefix + "-race@staff.example.org", Role.ANALYST);
        StaffMailboxes.Mailbox seenByBoth = mailboxes.digestRecipients().stream()
                .filter(m -> m.username().equals(user)).findFirst().orElseThrow();
        Instant due = at(day, 7).plusSeconds(1800);
        assertThat(claim(user, seenByBoth.lastDigestAt(), due, at(day, 9))).isTrue();
        assertThat(claim(user, seenByBoth.lastDigestAt(), due, at(day, 9).plusSeconds(1)))
                .as("the second node, with what it read before the first claimed").isFalse();
        assertThat(claim(user, at(day, 9), due, at(day, 10))).as("already sent after today's due time").isFalse();
        assertThat(claim(user, at(day, 9), at(day.plusDays(1), 7), at(day.plusDays(1), 8))).as("the next day")
                .isTrue();
    }

    @Test
    void noDigestWhenDisabledWithoutAddressForDisabledOrNonStaffAccountsOrWithNothingUnread() {
        String withMail = staff("on", prefix + "-on@staff.example.org", Role.MANAGER);
        notify(withMail, "Something unread", at(day, 6));
        node(false, at(day, 9)).scheduled();
        assertThat(mails(prefix + "-on@staff.example.org")).as("digests disabled").isEmpty();

        String noAddress = staff("none", null, Role.ANALYST);
        notify(noAddress, "Unread but nowhere to send", at(day, 6));
        String allRead = staff("read", prefix + "-read@staff.example.org", Role.ANALYST);
        notify(allRead, "Read already", at(day, 6));
        jdbc.update("update staff_notification set read_at = created_at where recipient = ?", allRead);
        String disabled = staff("off", prefix + "-off@staff.example.org", Role.ANALYST);
        notify(disabled, "Unread of a disabled account", at(day, 6));
        RunAs.user("admin", () -> users.disable(disabled), Role.ADMIN);
        String designer = staff("des", prefix + "-des@staff.example.org", Role.DESIGNER);
        notify(designer, "Not staff's inbox", at(day, 6));

        node(true, at(day, 9)).sendDue();

        assertThat(mails(prefix + "-on@staff.example.org")).as("enabled now: sent").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient like ?", Long.class,
                prefix + "-%")).as("nobody else").isEqualTo(1);
    }
}
