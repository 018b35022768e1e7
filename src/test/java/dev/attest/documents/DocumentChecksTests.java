package dev.attest.documents;

import static dev.attest.documents.CheckCode.*;
import static dev.attest.documents.CheckOutcome.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.attest.cases.CaseType;
import dev.attest.cases.CountryCode;
import dev.attest.documents.AddressComparison.Written;

/** Each automated check and its outcomes. */
class DocumentChecksTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final DocumentChecks.CaseFacts RECOVERY = new DocumentChecks.CaseFacts(CaseType.ACCOUNT_RECOVERY_2FA,
            "María González", null, AddressComparisonTests.AUSTIN);
    static final DocumentChecks.CaseFacts VERIFICATION = new DocumentChecks.CaseFacts(CaseType.SELLER_VERIFICATION,
            "Chen Wei", "Pacific Goods LLC", AddressComparisonTests.SEATTLE);
    static final Written AUSTIN_AS_WRITTEN = new Written("1200 Barton Springs Rd", "Ste 400", "Austin", "TX", "78704", "US");

    static final InspectedFile PHOTO = new InspectedFile("image/jpeg", "id.jpg", 200_000, 1012, 638, List.of(), List.of());
    static final InspectedFile SHOT = new InspectedFile("image/png", "id.png", 200_000, 1920, 1080, List.of(),
            List.of("its size 1920×1080 is a common screen size"));
    static final InspectedFile UNSIGNED_PDF = new InspectedFile("application/pdf", "a.pdf", 20_000, 0, 0, List.of(), List.of());
    static final InspectedFile SIGNED_PDF = new InspectedFile("application/pdf", "a.pdf", 20_000, 0, 0,
            List.of("Chen Wei"), List.of());

    static Map<CheckCode, CheckResult> run(DocumentChecks.CaseFacts c, DocumentFacts d, InspectedFile f) {
        return DocumentChecks.run(c, d, f, TODAY).stream().collect(Collectors.toMap(CheckResult::code, r -> r));
    }

    static DocumentFacts facts(DocumentKind kind, String name, Written address, String country, String region,
            LocalDate expires) {
        return new DocumentFacts(kind, name, address, country == null ? null : new CountryCode(country), region, expires);
    }

    @Test
    void aGoodDriversLicenseForA2faResetPassesEverything() {
        var checks = run(RECOVERY, facts(DocumentKind.DRIVERS_LICENSE, "GONZALEZ, Maria", AUSTIN_AS_WRITTEN, "US", "TX",
                TODAY.plusYears(2)), PHOTO);
        assertThat(checks.keySet()).containsExactlyInAnyOrder(FILE_TYPE, OFFICIAL_DOCUMENT, SCREENSHOT, EXPIRY, ISSUER,
                NAME_MATCH, ADDRESS_MATCH);
        assertThat(checks.values()).allMatch(c -> c.outcome() == PASS);
        assertThat(checks.get(ISSUER).detail()).isEqualTo("Issued by US-TX");
    }

    @Test
    void officialDocumentDependsOnWhatTheCaseNeeds() {
        assertThat(run(RECOVERY, facts(DocumentKind.PROOF_OF_ADDRESS, "Maria Gonzalez", AUSTIN_AS_WRITTEN, null, null, null),
                UNSIGNED_PDF).get(OFFICIAL_DOCUMENT).outcome()).isEqualTo(FAIL);
        assertThat(run(VERIFICATION, facts(DocumentKind.PROOF_OF_ADDRESS, "Chen Wei", null, null, null, null),
                UNSIGNED_PDF).get(OFFICIAL_DOCUMENT).outcome()).isEqualTo(PASS);
        assertThat(run(VERIFICATION, facts(DocumentKind.OTHER, null, null, null, null, null), PHOTO)
                .get(OFFICIAL_DOCUMENT).outcome()).isEqualTo(FAIL);
        assertThat(run(VERIFICATION, facts(DocumentKind.SELF_ATTESTATION, null, null, null, null, null), UNSIGNED_PDF)
                .get(OFFICIAL_DOCUMENT).outcome()).isEqualTo(NEEDS_REVIEW);
    }

    @Test
    void screenshotsNeedAReviewer() {
        var check = run(RECOVERY, facts(DocumentKind.PASSPORT, "Maria Gonzalez", null, "US", null, TODAY.plusDays(1)), SHOT)
                .get(SCREENSHOT);
        assertThat(check.outcome()).isEqualTo(NEEDS_REVIEW);
        assertThat(check.detail()).contains("1920×1080");
    }

    @Test
    void signaturesForSelfAttestationsAndOwnershipCharts() {
        var charts = facts(DocumentKind.ORGANIZATION_CHART, "Pacific Goods LLC", null, null, null, null);
        assertThat(run(VERIFICATION, charts, SIGNED_PDF).get(SIGNATURE)).isEqualTo(
                CheckResult.pass(SIGNATURE, "Digitally signed by Chen Wei"));
        assertThat(run(VERIFICATION, charts, UNSIGNED_PDF).get(SIGNATURE).detail()).startsWith("Unsigned PDF");
        assertThat(run(VERIFICATION, charts, PHOTO).get(SIGNATURE).outcome()).isEqualTo(NEEDS_REVIEW);
        assertThat(run(VERIFICATION, facts(DocumentKind.PROOF_OF_ADDRESS, "Chen Wei", null, null, null, null), UNSIGNED_PDF))
                .doesNotContainKey(SIGNATURE);
    }

    @Test
    void expiry() {
        assertThat(run(RECOVERY, facts(DocumentKind.PASSPORT, "Maria Gonzalez", null, "US", null, TODAY.minusDays(1)), PHOTO)
                .get(EXPIRY)).isEqualTo(CheckResult.fail(EXPIRY, "Expired on 2026-11-25"));
        assertThat(run(RECOVERY, facts(DocumentKind.PASSPORT, "Maria Gonzalez", null, "US", null, TODAY), PHOTO)
                .get(EXPIRY).outcome()).isEqualTo(PASS);
        assertThat(run(RECOVERY, facts(DocumentKind.PASSPORT, "Maria Gonzalez", null, "US", null, null), PHOTO)
                .get(EXPIRY).outcome()).isEqualTo(NEEDS_REVIEW);
    }

    @Test
    void ownershipChartsMustBeDatedWithin180Days() {
        var chart = new DocumentFacts(DocumentKind.ORGANIZATION_CHART, "Pacific Goods LLC", null, null, null, null,
                TODAY.minusDays(180));
        assertThat(run(VERIFICATION, chart, SIGNED_PDF).get(EXPIRY).outcome()).isEqualTo(PASS);
        var stale = new DocumentFacts(DocumentKind.ORGANIZATION_CHART, "Pacific Goods LLC", null, null, null, null,
                TODAY.minusDays(181));
        assertThat(run(VERIFICATION, stale, SIGNED_PDF).get(EXPIRY).detail()).contains("more than 180 days ago");
        var undated = new DocumentFacts(DocumentKind.ORGANIZATION_CHART, "Pacific Goods LLC", null, null, null, null);
        assertThat(run(VERIFICATION, undated, SIGNED_PDF).get(EXPIRY).outcome()).isEqualTo(NEEDS_REVIEW);
        assertThat(DocumentChecks.run(VERIFICATION, stale, SIGNED_PDF, TODAY, 365).stream()
                .filter(c -> c.code() == EXPIRY).findFirst().orElseThrow().outcome()).as("a setting").isEqualTo(PASS);
    }

    @Test
    void issuerNeedsAUsStateForStateIds() {
        assertThat(run(RECOVERY, facts(DocumentKind.STATE_ID, "Maria Gonzalez", null, "US", "Texas", TODAY.plusYears(1)),
                PHOTO).get(ISSUER).outcome()).isEqualTo(FAIL);
        assertThat(run(RECOVERY, facts(DocumentKind.STATE_ID, "Maria Gonzalez", null, "US", null, TODAY.plusYears(1)),
                PHOTO).get(ISSUER).outcome()).isEqualTo(FAIL);
        assertThat(run(RECOVERY, facts(DocumentKind.PASSPORT, "Maria Gonzalez", null, "DE", null, TODAY.plusYears(1)),
                PHOTO).get(ISSUER)).isEqualTo(CheckResult.pass(ISSUER, "Issued in Germany"));
        assertThat(run(RECOVERY, facts(DocumentKind.PASSPORT, "Maria Gonzalez", null, null, null, TODAY.plusYears(1)),
                PHOTO).get(ISSUER).outcome()).isEqualTo(NEEDS_REVIEW);
    }

    @Test
    void nameMatchToleratesCaseDiacriticsAndOrder() {
        assertThat(NameComparison.compare("gonzalez maria", "María González", "the client's name").outcome()).isEqualTo(PASS);
        assertThat(NameComparison.compare("Maria Luisa Gonzalez", "María González", "the client's name").outcome())
                .isEqualTo(NEEDS_REVIEW);
        assertThat(NameComparison.compare("Mario Gonzalez", "María González", "the client's name").outcome()).isEqualTo(FAIL);
        assertThat(run(VERIFICATION, facts(DocumentKind.COMPANY_REGISTRATION, "PACIFIC GOODS, LLC", null, null, null, null),
                UNSIGNED_PDF).get(NAME_MATCH).outcome()).isEqualTo(PASS);
    }

    @Test
    void addressMatchIsExplainedAndMissingAddressesNeedAReviewer() {
        var wrong = new Written("99 Old Mill Road", null, "Springfield", "IL", "62704", "US");
        CheckResult fail = run(RECOVERY, facts(DocumentKind.DRIVERS_LICENSE, "Maria Gonzalez", wrong, "US", "TX",
                TODAY.plusYears(1)), PHOTO).get(ADDRESS_MATCH);
        assertThat(fail.outcome()).isEqualTo(FAIL);
        assertThat(fail.detail()).contains("Differs: house number (file: 1200, document: 99)");
        assertThat(run(RECOVERY, facts(DocumentKind.DRIVERS_LICENSE, "Maria Gonzalez", null, "US", "TX", TODAY.plusYears(1)),
                PHOTO).get(ADDRESS_MATCH).outcome()).isEqualTo(NEEDS_REVIEW);
    }

    @Test
    void aPassportShowsNoAddressSoNeitherTheCheckNorTheChecklistAsksForOne() {
        var run = run(RECOVERY, facts(DocumentKind.PASSPORT, "Maria Gonzalez", null, "US", null, TODAY.plusYears(1)),
                PHOTO);
        assertThat(run).doesNotContainKey(ADDRESS_MATCH);
        assertThat(ReviewChecklist.itemsFor(DocumentKind.PASSPORT)).extracting(ReviewChecklist.Item::label)
                .noneMatch(label -> label.toLowerCase().contains("address"))
                .contains("Full name is visible", "Issuing country or state is clear");
        assertThat(ReviewChecklist.itemsFor(DocumentKind.DRIVERS_LICENSE)).extracting(ReviewChecklist.Item::label)
                .contains("Full name and address are visible");
        assertThat(ReviewChecklist.itemsFor(DocumentKind.PROOF_OF_ADDRESS)).extracting(ReviewChecklist.Item::id)
                .doesNotContain(ReviewChecklist.ISSUER_CLEAR, ReviewChecklist.STAMP_OR_SIGNATURE);
        assertThat(ReviewChecklist.itemsFor(DocumentKind.ORGANIZATION_CHART)).extracting(ReviewChecklist.Item::id)
                .contains(ReviewChecklist.STAMP_OR_SIGNATURE);
    }

    @Test
    void everyFailedCheckTellsTheClientAReasonTheMailTemplateWordsPlainly() {
        Set<String> worded = new HashSet<>(List.of("OUTDATED", "ISSUER_UNCLEAR"));
        for (RejectionReason r : RejectionReason.values()) {
            worded.add(r.name());
        }
        for (DocumentKind kind : DocumentKind.values()) {
            for (CheckCode code : CheckCode.values()) {
                assertThat(worded).as(kind + " " + code).contains(DocumentReview.clientReason(kind, code));
            }
        }
    }
}
