package dev.attest.communication;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseIntakeRequest.AccountInput;
import dev.attest.cases.CaseIntakeRequest.AddressInput;
import dev.attest.cases.CaseIntakeRequest.ClientInput;
import dev.attest.cases.CaseIntakeRequest.SituationInput;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.TestFiles;
import dev.attest.documents.ui.ClientUploadView;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * Real SMTP: Attest sends the document request to a GreenMail server; the test reads the mail, follows its upload
 * link to the client's portal page (Karibu, no login), uploads an ID there and sees the case's document check move
 * on to the analyst's review. A used link, an expired one and a burst of bad ones are refused; a mail server that
 * is down leaves the request in place and the mail queued, due again in a minute, until the relay's retry sends it.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:client-mail-tests;DB_CLOSE_DELAY=-1",
        "attest.demo.enabled=false", "attest.bootstrap-admin.password=client-mail-tests-only",
        "attest.documents.encryption-key=pwpXZv8aPgwl28TiwXW60vTpxwGRwyDWWH+uRfii0Rs=",
        "spring.mail.host=127.0.0.1", "attest.portal.public-url=https://attest.example.com/",
        "attest.mail.from=Attest Cases <cases@attest.example.com>", "attest.portal.max-bad-links=3"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientMailTests {

    /** A fixed free port, so that the server comes back on the same one after a test stops it. */
    static final int PORT = freePort();
    static final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final Pattern LINK = Pattern.compile("https://attest\\.example\\.com/portal/upload/([A-Za-z0-9_-]{43})");

    static {
        smtp.start();
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void mailPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired ApplicationContext ctx;
    @Autowired CaseIntake intake;
    @Autowired ClientMessages messages;
    @Autowired TaskService taskService;
    @Autowired MailRelay relay;
    @Autowired JdbcTemplate jdbc;
    @Autowired PortalThrottle throttle;

    @BeforeEach
    void setUp() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        throttle.clear();
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("dev.attest"), ctx, UI::new));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    CaseFile open2faCase(String name, String email) {
        return RunAs.user("intake", () -> intake.open(new CaseIntakeRequest("ACCOUNT_RECOVERY_2FA",
                new ClientInput(name, email, "+15125550143", null, "US"),
                new AccountInput("amazon.com", null, new AddressInput("1200 Barton Springs Road", null, "Austin", "TX",
                        "78704", "US")),
                new SituationInput(true, false, false, false, "PORTED_LINE"), null)), Role.INTAKE);
    }

    MimeMessage awaitMailTo(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(smtp.getReceivedMessages()).stream()
                .anyMatch(m -> GreenMailUtil.getAddressList(recipients(m)).contains(email)));
        return List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(email)).findFirst().orElseThrow();
    }

    static Address[] recipients(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(MimeMessage mail) {
        Matcher m = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(m.find()).as("upload link in the mail").isTrue();
        return m.group(1);
    }

    ClientUploadView openPortal(String token) {
        UI.getCurrent().navigate("portal/upload/" + token);
        return _get(ClientUploadView.class);
    }

    @SuppressWarnings("unchecked")
    static ComboBox<DocumentKind> kind() {
        return _get(ComboBox.class, spec -> spec.withId("portal-1-kind"));
    }

    @SuppressWarnings("unchecked")
    static ComboBox<String> place(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    long reviewTasks(CaseFile c) {
        return taskService.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").count();
    }

    @Test
    void theClientFollowsTheLinkInTheMailUploadsTheirIdAndTheReviewStarts() throws Exception {
        CaseFile c = open2faCase("Maria Gonzalez", "maria@example.com");

        MimeMessage mail = awaitMailTo("maria@example.com");
        assertThat(mail.getSubject()).isEqualTo(c.getReference() + ": please send us a document");
        assertThat(mail.getFrom()[0].toString()).contains("cases@attest.example.com");
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "");
        assertThat(body).contains("Dear Maria Gonzalez", "government photo ID", "until every item has arrived");
        String token = token(mail);
        assertThat(reviewTasks(c)).isZero();
        // once sent, the link is no longer stored readable: staff see it masked
        await().atMost(Duration.ofSeconds(10)).until(() -> RunAs.user("analyst",
                () -> messages.ofCase(c.getReference()).get(0).getStatus(), Role.ANALYST) == MailStatus.SENT);
        OutboxMessage stored = RunAs.user("analyst", () -> messages.ofCase(c.getReference()).get(0), Role.ANALYST);
        assertThat(stored.getBody()).doesNotContain(token).contains(OutboxMessage.MASKED_LINK);

        openPortal(token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-requested")).getText()).contains("photo ID");
        assertThat(kind().getListDataView().getItems().toList())
                .containsExactlyElementsOf(DocumentKind.IDENTITY.stream().sorted().toList());
        kind().setValue(DocumentKind.PASSPORT);
        text("portal-1-name").setValue("Maria Gonzalez");
        place("portal-1-issuing-country").setValue("US");
        _get(DatePicker.class, spec -> spec.withId("portal-1-expires-on")).setValue(LocalDate.now().plusYears(5));
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("portal-1-upload")), "passport.jpg", "image/jpeg",
                TestFiles.jpeg(1200, 800));
        _click(_get(Button.class, spec -> spec.withId("portal-1-send")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-thanks")).getText()).contains("write to you");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("portal-received"))
                .getElement().getTextRecursively()).contains("passport.jpg");
        assertThat(reviewTasks(c)).as("the document check moved on to the analyst's review").isOne();
        assertThat(jdbc.queryForObject("select uploaded_by from case_document where case_id = ?", String.class,
                c.getId())).isEqualTo("client");

        // the same link again: refused, nothing about the case shown
        openPortal(token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-invalid")).getText()).contains("not valid")
                .doesNotContain(c.getReference()).doesNotContain("Maria");
    }

    @Test
    void aCaseThatClosedWhileThePageWasOpenTakesNoDocumentAndSaysSo() throws Exception {
        CaseFile c = open2faCase("Cleo Closed", "cleo@example.com");
        String token = token(awaitMailTo("cleo@example.com"));
        openPortal(token);
        kind().setValue(DocumentKind.PASSPORT);
        text("portal-1-name").setValue("Cleo Closed");
        place("portal-1-issuing-country").setValue("US");
        _get(DatePicker.class, spec -> spec.withId("portal-1-expires-on")).setValue(LocalDate.now().plusYears(5));
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("portal-1-upload")), "passport.jpg", "image/jpeg",
                TestFiles.jpeg(1200, 800));
        jdbc.update("update case_file set status = 'CLOSED', outcome = 'WITHDRAWN', closed_at = CURRENT_TIMESTAMP "
                + "where id = ?", c.getId());

        _click(_get(Button.class, spec -> spec.withId("portal-1-send")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-closed")).getText()).contains("closed",
                "nothing was sent");
        assertThat(jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class,
                c.getId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from client_upload_link where case_id = ? and used_at is not "
                + "null", Long.class, c.getId())).isZero();
    }

    @Test
    void theLinkOfAClosedCaseSaysTheCaseIsClosed() throws Exception {
        CaseFile c = open2faCase("Carl Closed", "carl@example.com");
        String token = token(awaitMailTo("carl@example.com"));
        jdbc.update("update case_file set status = 'CLOSED', outcome = 'WITHDRAWN', closed_at = CURRENT_TIMESTAMP "
                + "where id = ?", c.getId());

        openPortal(token);

        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-closed")).getText()).contains("closed")
                .doesNotContain(c.getReference());
        assertThat(LocatorJ._find(Upload.class)).as("no upload offered").isEmpty();
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        CaseFile c = open2faCase("Lena Expired", "lena@example.com");
        String token = token(awaitMailTo("lena@example.com"));
        jdbc.update("update client_upload_link set expires_at = ? where case_id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), c.getId());

        openPortal(token);

        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-invalid")).getText()).contains("expired");
        assertThat(reviewTasks(c)).isZero();
    }

    @Test
    void aFileTheChecksRefuseLeavesTheLinkUsable() throws Exception {
        CaseFile c = open2faCase("Omar Retry", "omar@example.com");
        String token = token(awaitMailTo("omar@example.com"));

        openPortal(token);
        kind().setValue(DocumentKind.PASSPORT);
        text("portal-1-name").setValue("Omar Retry");
        place("portal-1-issuing-country").setValue("US");
        _get(DatePicker.class, spec -> spec.withId("portal-1-expires-on")).setValue(LocalDate.now().plusYears(5));
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("portal-1-upload")), "passport.pdf", "application/pdf",
                TestFiles.pdfWithJavaScript());
        _click(_get(Button.class, spec -> spec.withId("portal-1-send")));

        assertThat(_get(Span.class, spec -> spec.withId("portal-1-file-error")).getText())
                .startsWith("We cannot accept this file").contains("runs JavaScript (document OpenAction)");
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("portal-1-upload")), "letter.docx",
                "application/octet-stream", TestFiles.docx(Map.of("word/document.xml", TestFiles.body(
                        TestFiles.splitField("DDE", "AUTO c:\\\\windows\\\\system32\\\\cmd.exe")))));
        _click(_get(Button.class, spec -> spec.withId("portal-1-send")));
        assertThat(_get(Span.class, spec -> spec.withId("portal-1-file-error")).getText())
                .contains("runs a DDE command");
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("portal-1-upload")), "passport\u0000.pdf",
                "application/pdf", TestFiles.pdf());
        _click(_get(Button.class, spec -> spec.withId("portal-1-send")));
        assertThat(_get(Span.class, spec -> spec.withId("portal-1-file-error")).getText())
                .contains("file name contains a NUL character");
        assertThat(jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class,
                c.getId())).isZero();
        openPortal(token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-requested")).getText()).isNotBlank();
    }

    @Test
    void manyBadLinksFromOneAddressAreRefusedForAWhile() {
        String bad = "A".repeat(43);
        for (int i = 0; i < 3; i++) {
            openPortal(bad + i);
            openPortal(bad.substring(1) + i);
        }
        try {
            openPortal(bad);
            assertThat(_get(Paragraph.class, spec -> spec.withId("portal-throttled")).getText())
                    .contains("Too many invalid links");
        } finally {
            throttle.clear();
        }
    }

    @Test
    void aMailServerThatIsDownNeitherLosesTheMailNorUndoesTheRequest() throws Exception {
        smtp.stop();
        CaseFile c;
        try {
            c = open2faCase("Ida Offline", "ida@example.com");
            await().atMost(Duration.ofSeconds(30)).until(() -> RunAs.user("analyst",
                    () -> messages.ofCase(c.getReference()).get(0).getAttempts(), Role.ANALYST) >= 1);
        } finally {
            smtp.start();
        }
        OutboxMessage queued = RunAs.user("analyst", () -> messages.ofCase(c.getReference()).get(0), Role.ANALYST);
        assertThat(queued.getStatus()).isEqualTo(MailStatus.QUEUED);
        assertThat(queued.getLastError()).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from document_request where case_id = ?", Long.class,
                c.getId())).as("the request stays").isOne();
        assertThat(queued.getNextAttemptAt()).as("tried again a minute after the failure")
                .isBetween(Instant.now().plusSeconds(20), Instant.now().plusSeconds(61));

        // a minute later (the row made due now), the relay's next round sends it
        jdbc.update("update mail_outbox set next_attempt_at = ? where id = ?", Timestamp.from(Instant.now()),
                queued.getId());
        relay.wake();

        awaitMailTo("ida@example.com");
        // the relay marks the message sent once the server has answered: a moment after the server holds it
        await().atMost(Duration.ofSeconds(10)).until(() -> RunAs.user("analyst",
                () -> messages.ofCase(c.getReference()).get(0).getStatus(), Role.ANALYST) == MailStatus.SENT);
    }
}
