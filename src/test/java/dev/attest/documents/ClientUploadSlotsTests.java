package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.communication.RequestedItem;
import dev.attest.communication.UploadLinkRefusedException;
import dev.attest.communication.UploadLinkRefusedException.Reason;
import dev.attest.communication.UploadLinks;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.validation.InvalidInputException;

/**
 * Upload links with several requested items, as a hostile client would try them: one slot per item, each filled
 * once (also when two uploads race for it), the link used up only when every item has arrived, an expired link
 * refused, a slot the link never asked for refused, and every arrival handed to a document check of the case.
 */
@AttestTest
class ClientUploadSlotsTests {

    @Autowired CaseIntake intake;
    @Autowired UploadLinks links;
    @Autowired Documents documents;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryService history;
    @Autowired ObjectMapper json;

    CaseFile openCase(String email) {
        var body = CaseRequests.with("client.email", email);
        return RunAs.user("intake", () -> intake.open(json.convertValue(body, CaseIntakeRequest.class)),
                Role.INTAKE);
    }

    String companyLink(CaseFile c, List<RequestedItem> items) {
        return transactions.execute(s -> links.create(c.getId(), c.getReference(), "COMPANY",
                DocumentRequestItems.firstReason(DocumentGroup.COMPANY), "Ada Analyst", items)).token();
    }

    static DocumentMetadata registration() {
        return new DocumentMetadata("COMPANY_REGISTRATION", "Jane Seller LLC", null, "US", null, null,
                LocalDate.now().minusDays(10).toString());
    }

    static DocumentMetadata chart() {
        return new DocumentMetadata("ORGANIZATION_CHART", "Jane Seller LLC", null, null, null, null,
                LocalDate.now().minusDays(5).toString());
    }

    long documentsOf(CaseFile c) {
        return jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class, c.getId());
    }

    @Test
    void twoRequestedItemsGetTwoSlotsAndTheLinkLastsUntilBothHaveArrived() {
        CaseFile c = openCase("two-slots@example.com");
        String token = companyLink(c, DocumentRequestItems.first(DocumentGroup.COMPANY));

        var request = documents.clientRequest(token).orElseThrow();
        assertThat(request.items()).extracting(Documents.ClientItem::title)
                .containsExactly("Company registration", "Ownership chart");
        assertThat(request.items().get(0).kinds()).containsExactly(DocumentKind.COMPANY_REGISTRATION);
        assertThat(request.requestedBy()).isEqualTo("Ada Analyst");

        StoredDocument first = documents.uploadByClient(token, 1, "registration.pdf", TestFiles.pdf(), registration());

        var half = documents.clientRequest(token).orElseThrow();
        assertThat(half.items().get(0).open()).isFalse();
        assertThat(half.items().get(0).receivedFile()).isEqualTo("registration.pdf");
        assertThat(half.items().get(1).open()).as("the chart still waits: the link still works").isTrue();

        StoredDocument second = documents.uploadByClient(token, 2, "chart.pdf", TestFiles.pdf(), chart());

        assertThat(documents.clientRequest(token)).as("every item arrived: the link is used up").isEmpty();
        assertThat(jdbc.queryForObject("select used_at from client_upload_link where id = (select min(id) from "
                + "client_upload_link where case_id = ? and document_group = 'COMPANY')", Timestamp.class, c.getId()))
                .isNotNull();
        assertThat(jdbc.queryForList("select document_id from client_upload_slot s join client_upload_link l on "
                + "l.id = s.link_id where l.id = (select min(id) from client_upload_link where case_id = ? and "
                + "document_group = 'COMPANY') order by s.slot_number",
                UUID.class, c.getId())).containsExactly(first.getId(), second.getId());
        // each arrival reached the case's process: a document check for each document
        List<Object> checked = history.createHistoricVariableInstanceQuery().variableName("documentId").list().stream()
                .map(v -> v.getValue()).filter(v -> v.equals(first.getId().toString())
                        || v.equals(second.getId().toString())).distinct().map(Object.class::cast).toList();
        assertThat(checked).hasSize(2);
        assertThatThrownBy(() -> documents.uploadByClient(token, 2, "again.pdf", TestFiles.pdf(), chart()))
                .isInstanceOf(UploadLinkRefusedException.class)
                .extracting(e -> ((UploadLinkRefusedException) e).reason()).isEqualTo(Reason.LINK_NOT_VALID);
    }

    @Test
    void aSlotFilledOnceRefusesASecondFileAndStoresNothing() {
        CaseFile c = openCase("twice@example.com");
        String token = companyLink(c, DocumentRequestItems.first(DocumentGroup.COMPANY));
        documents.uploadByClient(token, 1, "registration.pdf", TestFiles.pdf(), registration());
        long stored = documentsOf(c);

        assertThatThrownBy(() -> documents.uploadByClient(token, 1, "other.pdf", TestFiles.pdf(), registration()))
                .isInstanceOf(UploadLinkRefusedException.class)
                .extracting(e -> ((UploadLinkRefusedException) e).reason()).isEqualTo(Reason.ALREADY_RECEIVED);
        assertThat(documentsOf(c)).isEqualTo(stored);
        assertThat(documents.clientRequest(token)).as("the other item still waits").isPresent();
    }

    @Test
    void twoUploadsRacingForOneSlotStoreOneDocument() throws Exception {
        CaseFile c = openCase("race@example.com");
        String token = companyLink(c, DocumentRequestItems.first(DocumentGroup.COMPANY));
        long before = documentsOf(c);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String name = "registration-" + i + ".pdf";
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        documents.uploadByClient(token, 1, name, TestFiles.pdf(), registration());
                        return "stored";
                    } catch (UploadLinkRefusedException e) {
                        return e.reason().name();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("stored", "ALREADY_RECEIVED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(documentsOf(c)).isEqualTo(before + 1);
    }

    @Test
    void anExpiredLinkIsRefusedThoughItsItemsStillWait() {
        CaseFile c = openCase("expired-slots@example.com");
        String token = companyLink(c, DocumentRequestItems.first(DocumentGroup.COMPANY));
        jdbc.update("update client_upload_link set expires_at = ? where case_id = ? and document_group = 'COMPANY'",
                Timestamp.from(Instant.now().minusSeconds(1)), c.getId());

        assertThat(documents.clientRequest(token)).isEmpty();
        assertThatThrownBy(() -> documents.uploadByClient(token, 1, "registration.pdf", TestFiles.pdf(),
                registration())).isInstanceOf(UploadLinkRefusedException.class)
                .extracting(e -> ((UploadLinkRefusedException) e).reason()).isEqualTo(Reason.LINK_NOT_VALID);
    }

    @Test
    void aSlotTheLinkDoesNotHaveOrAKindTheSlotDoesNotAskForIsRefused() {
        CaseFile c = openCase("not-requested@example.com");
        String token = companyLink(c, DocumentRequestItems.first(DocumentGroup.COMPANY));
        long before = documentsOf(c);

        assertThatThrownBy(() -> documents.uploadByClient(token, 3, "x.pdf", TestFiles.pdf(), registration()))
                .isInstanceOf(UploadLinkRefusedException.class)
                .extracting(e -> ((UploadLinkRefusedException) e).reason()).isEqualTo(Reason.NOT_REQUESTED);
        assertThatThrownBy(() -> documents.uploadByClient(token, 1, "chart.pdf", TestFiles.pdf(), chart()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("metadata.kind"))
                        .satisfies(f -> assertThat(f.message()).contains("Company registration")));
        assertThatThrownBy(() -> documents.uploadByClient("A".repeat(43), 1, "x.pdf", TestFiles.pdf(),
                registration())).isInstanceOf(UploadLinkRefusedException.class);
        assertThat(documentsOf(c)).isEqualTo(before);
    }

    @Test
    void aNewerLinkForAnItemWithdrawsItFromTheOlderLinkAndLeavesTheOthers() {
        CaseFile c = openCase("newer@example.com");
        String older = companyLink(c, DocumentRequestItems.first(DocumentGroup.COMPANY));
        documents.uploadByClient(older, 1, "registration.pdf", TestFiles.pdf(), registration());

        // a new registration is asked for (the first was refused): the older link's chart still waits there
        String replacing = companyLink(c, List.of(DocumentRequestItems.replacing(DocumentKind.COMPANY_REGISTRATION)));
        assertThat(documents.clientRequest(older)).isPresent();
        assertThat(documents.clientRequest(replacing).orElseThrow().items()).singleElement()
                .satisfies(i -> assertThat(i.kinds()).containsExactly(DocumentKind.COMPANY_REGISTRATION));

        // a reminder repeats what the newest link waits for: that link stops working, the chart still waits
        String reminder = companyLink(c, transactions.execute(s -> links.missing(c.getId(), "COMPANY")));
        assertThat(documents.clientRequest(reminder).orElseThrow().items()).extracting(Documents.ClientItem::title)
                .containsExactly("A new company registration");
        assertThat(documents.clientRequest(replacing)).isEmpty();
        assertThat(documents.clientRequest(older)).isPresent();

        // a request for both items again leaves the older link nothing to wait for
        companyLink(c, DocumentRequestItems.first(DocumentGroup.COMPANY));
        assertThat(documents.clientRequest(older)).isEmpty();
        assertThat(documents.clientRequest(reminder)).isEmpty();
    }

    @Test
    void aLinkStoredBeforeLinksHadSlotsGetsOneSlotForAnyDocumentOfItsGroup() {
        CaseFile c = openCase("legacy@example.com");
        String token = "L".repeat(43);
        jdbc.update("insert into client_upload_link (token_hash, case_id, case_reference, document_group, requested, "
                + "created_at, expires_at) values (?, ?, ?, 'COMPANY', 'Your company documents', ?, ?)",
                sha256(token), c.getId(), c.getReference(),
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plusSeconds(3600)));

        assertThat(links.giveOldLinksASlot()).isOne();

        var request = documents.clientRequest(token).orElseThrow();
        assertThat(request.items()).singleElement().satisfies(i -> assertThat(i.kinds())
                .containsExactlyElementsOf(Documents.kindsFor(DocumentGroup.COMPANY)));
        documents.uploadByClient(token, 1, "chart.pdf", TestFiles.pdf(), chart());
        assertThat(documents.clientRequest(token)).isEmpty();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
