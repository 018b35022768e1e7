package dev.attest.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.util.unit.DataSize;

import dev.attest.cases.CaseProgress;
import dev.attest.documents.CheckCode;
import dev.attest.documents.CheckOutcome;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentStatus;
import dev.attest.documents.RejectionReason;

/**
 * No e-mail to a client carries an internal code: every template, rendered with the refusal sentences of every
 * rejection reason (and of every automated check's reason), reads in words only.
 */
class ClientMailWordingTests {

    /** The sections of {@code mail/rejection-reasons.mustache} the automated checks use besides the reviewers'. */
    static final List<String> CHECK_REASONS = List.of("OUTDATED", "ISSUER_UNCLEAR");

    static final Set<String> CODES = new TreeSet<>();

    static {
        Stream.of(RejectionReason.values(), CheckCode.values(), CheckOutcome.values(), DocumentKind.values(),
                DocumentStatus.values()).flatMap(Stream::of).forEach(e -> CODES.add(((Enum<?>) e).name()));
        CODES.addAll(CHECK_REASONS);
        CODES.addAll(List.of("IDENTITY", "ADDRESS", "COMPANY", "APPROVE", "REJECT", "REQUEST_AGAIN", "GIVE_UP"));
    }

    final CaseProgress cases = Mockito.mock(CaseProgress.class);
    final ClientMessages messages = new ClientMessages(null, null, cases, null, null, Clock.systemUTC(),
            ZoneId.of("America/New_York"), new PortalSettings("", Duration.ofDays(7), 5,
                    Duration.ofMinutes(15), "Attest", "", "team@consultancy.com", "+1 512 555 0100"),
            () -> DataSize.ofMegabytes(10));
    final UUID caseId = UUID.randomUUID();

    ClientMailWordingTests() {
        Mockito.when(cases.contact(caseId)).thenReturn(new CaseProgress.Contact("CASE-2026-000042", "Jane Seller",
                "jane@seller.example.com", "amazon.com", true));
    }

    static List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        for (RejectionReason r : RejectionReason.values()) {
            reasons.add(r.name());
        }
        reasons.addAll(CHECK_REASONS);
        return reasons;
    }

    static List<String> codesIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\b[A-Z][A-Z_]+[A-Z]\\b").matcher(text);
        while (m.find()) {
            if (CODES.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    @Test
    void everyReasonHasAPlainSentence() {
        for (String reason : reasons()) {
            String sentence = messages.refusalReasons(List.of(reason), null);
            assertThat(sentence).as(reason).isNotBlank().endsWith(".");
            assertThat(codesIn(sentence)).as(reason).isEmpty();
        }
        assertThat(messages.refusalReasons(List.of("OTHER"), "The scan is cut off at the bottom."))
                .contains("It does not meet what we need", "Note from the analyst who reviewed it: The scan is cut "
                        + "off at the bottom.");
        assertThat(messages.refusalReasons(List.of("NOT_A_SECTION"), null)).as("an unknown reason adds nothing")
                .isEmpty();
    }

    @Test
    void noClientEMailCarriesACodeForAnyReason() {
        Instant due = Instant.parse("2026-12-10T17:00:00Z");
        for (String reason : reasons()) {
            String text = messages.refusalReasons(List.of(reason), reason.equals("OTHER") ? "See the photo." : null);
            for (ClientMessages.RequestKind kind : ClientMessages.RequestKind.values()) {
                String mail = messages.preview(caseId, text, due, kind, "Ada Analyst");
                assertThat(mail).as(kind + " for " + reason).contains("Dear Jane Seller", text);
                assertThat(codesIn(mail)).as(kind + " for " + reason).isEmpty();
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", "Jane Seller");
        model.put("caseReference", "CASE-2026-000042");
        model.put("marketplace", "amazon.com");
        for (MailTemplate template : MailTemplate.values()) {
            assertThat(codesIn(messages.render(template, model))).as(template.name()).isEmpty();
        }
    }

    @Test
    void requestsTellTheClientTheSizeLimitTheUploadsEnforce() {
        Instant due = Instant.parse("2026-12-10T17:00:00Z");
        assertThat(messages.preview(caseId, "Blurry.", due, ClientMessages.RequestKind.FIRST, null))
                .contains("under 10 MB;");
        ClientMessages smaller = new ClientMessages(null, null, cases, null, null, Clock.systemUTC(),
                ZoneId.of("America/New_York"), new PortalSettings("", Duration.ofDays(7), 5,
                        Duration.ofMinutes(15), "Attest", "", "team@consultancy.com", "+1 512 555 0100"),
                () -> DataSize.ofKilobytes(2560));
        for (ClientMessages.RequestKind kind : List.of(ClientMessages.RequestKind.FIRST,
                ClientMessages.RequestKind.REJECTED)) {
            assertThat(smaller.preview(caseId, "Blurry.", due, kind, null)).as(kind.name())
                    .contains("under 2.5 MB;").doesNotContain("10 MB");
        }
        assertThat(UploadSizeLimit.describe(DataSize.ofKilobytes(512))).isEqualTo("512 KB");
    }

    @Test
    void theCodeFinderFindsCodes() {
        assertThat(codesIn("The document was refused: OTHER; ILLEGIBLE: blurry; ADDRESS_MATCH NEEDS_REVIEW"))
                .containsExactly("OTHER", "ILLEGIBLE", "ADDRESS_MATCH", "NEEDS_REVIEW");
    }
}
