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
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.MrzFormat;
import dev.attest.documents.reading.MrzReading;
import dev.attest.documents.reading.ReadSource;
import dev.attest.documents.reading.ReadValue;

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
        assertThat(checks.get(ISSUER).detail()).isEqualTo("Issued by US-TX (typed by the analyst)");
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
                .get(EXPIRY)).isEqualTo(CheckResult.fail(EXPIRY, "Expired on 2026-11-25 (typed by the analyst)"));
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
                PHOTO).get(ISSUER)).isEqualTo(CheckResult.pass(ISSUER, "Issued in Germany (typed by the analyst)"));
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

    // What was read off the document

    static final LocalDate EXPIRES = TODAY.plusYears(3);
    static final MrzReading.CheckDigits ALL_AGREE = new MrzReading.CheckDigits(true, true, true, true);

    static MrzReading zone(MrzReading.CheckDigits digits) {
        return new MrzReading(MrzFormat.TD3, List.of("P<UTOGONZALEZ<<MARIA<<<<<<<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F3011262<<<<<<<<<<<<<<06"), digits, "P", "UTO", "GONZALEZ", "MARIA", "L898902C3",
                "UTO", LocalDate.of(1974, 8, 12), "F", EXPIRES);
    }

    /** A passport read from its zone: name, number, birth, expiry and country, all from the MRZ. */
    static DocumentReading passportRead(MrzReading.CheckDigits digits) {
        return new DocumentReading(DocumentReading.Status.DONE, mrz("MARIA GONZALEZ"), mrz("L898902C3"),
                mrz(LocalDate.of(1974, 8, 12)), mrz(EXPIRES), mrz(new CountryCode("DE")), null, null, null, null,
                zone(digits), null, "", List.of(), null);
    }

    static <T> ReadValue<T> mrz(T value) {
        return new ReadValue<>(value, ReadSource.MRZ, 1.0);
    }

    static DocumentReading billRead(Written address, String name) {
        return new DocumentReading(DocumentReading.Status.DONE, new ReadValue<>(name, ReadSource.OCR, 0.87), null,
                null, null, null, null, new ReadValue<>("Austin Energy", ReadSource.OCR, 0.87),
                new ReadValue<>(TODAY.minusDays(20), ReadSource.OCR, 0.87), new ReadValue<>(address, ReadSource.OCR, 0.87),
                null, null, "Austin Energy\nMaria Gonzalez", List.of(), null);
    }

    static Map<CheckCode, CheckResult> read(DocumentChecks.CaseFacts c, DocumentFacts d, DocumentReading reading,
            String typedBy) {
        return DocumentChecks.run(c, d, PHOTO, TODAY, 180, reading, typedBy).stream()
                .collect(Collectors.toMap(CheckResult::code, r -> r));
    }

    @Test
    void aPassportUploadedWithOnlyItsKindIsCheckedOnWhatItsZoneSays() {
        var checks = read(RECOVERY, DocumentFacts.ofKind(DocumentKind.PASSPORT), passportRead(ALL_AGREE),
                DocumentChecks.TYPED_BY_CLIENT);
        assertThat(checks.get(EXPIRY)).isEqualTo(CheckResult.pass(EXPIRY, "Valid until " + EXPIRES
                + " (read from the MRZ)"));
        assertThat(checks.get(NAME_MATCH).outcome()).isEqualTo(PASS);
        assertThat(checks.get(NAME_MATCH).detail()).endsWith("(read from the MRZ)");
        assertThat(checks.get(ISSUER)).isEqualTo(CheckResult.pass(ISSUER, "Issued in Germany (read from the MRZ)"));
        assertThat(checks.get(MRZ).outcome()).isEqualTo(PASS);
        assertThat(checks.get(CONSISTENCY)).isEqualTo(CheckResult.pass(CONSISTENCY,
                "Nothing typed that the document was read to show"));
    }

    @Test
    void readValuesWinOverTypedOnesAndTypedOnesAreUsedWhenNothingWasRead() {
        var typedExpired = new DocumentFacts(DocumentKind.PASSPORT, "Maria Gonzalez", null, new CountryCode("DE"), null,
                TODAY.minusDays(1));
        assertThat(read(RECOVERY, typedExpired, passportRead(ALL_AGREE), DocumentChecks.TYPED_BY_CLIENT).get(EXPIRY)
                .outcome()).as("the zone's expiry, not the typo").isEqualTo(PASS);
        var nothingRead = DocumentReading.unreadable("no text, no zone");
        var typed = read(RECOVERY, typedExpired, nothingRead, DocumentChecks.TYPED_BY_CLIENT);
        assertThat(typed.get(EXPIRY)).isEqualTo(CheckResult.fail(EXPIRY, "Expired on " + TODAY.minusDays(1)
                + " (typed by the client)"));
        assertThat(typed.get(NAME_MATCH).detail()).endsWith("(typed by the client)");
        assertThat(read(RECOVERY, typedExpired, null, DocumentChecks.TYPED_BY_ANALYST).get(ISSUER).detail())
                .isEqualTo("Issued in Germany (typed by the analyst)");
    }

    @Test
    void theAddressReadOffABillIsComparedNotTheOneTyped() {
        var otherAddress = new Written("99 Old Mill Road", null, "Springfield", "IL", "62704", "US");
        var typedAccountAddress = new DocumentFacts(DocumentKind.PROOF_OF_ADDRESS, "Maria Gonzalez", AUSTIN_AS_WRITTEN,
                null, null, null);
        var checks = read(RECOVERY, typedAccountAddress, billRead(otherAddress, "Maria Gonzalez"),
                DocumentChecks.TYPED_BY_CLIENT);
        assertThat(checks.get(ADDRESS_MATCH).outcome()).isEqualTo(FAIL);
        assertThat(checks.get(ADDRESS_MATCH).detail()).endsWith("(OCR, confidence 0.87)");
        assertThat(checks.get(CONSISTENCY).outcome()).as("OCR alone may misread: a reviewer compares")
                .isEqualTo(NEEDS_REVIEW);
        assertThat(checks.get(CONSISTENCY).detail()).startsWith("Address: '1200 Barton Springs Rd, Ste 400, Austin, TX, "
                + "78704, US' (typed by the client) but '99 Old Mill Road, Springfield, IL, 62704, US' (OCR, confidence "
                + "0.87)").endsWith("(compare with the document: OCR may have misread it)");
        assertThat(checks).doesNotContainKey(MRZ);
    }

    /** A passport zone whose number is read 'L898O02C3': as issued, 'L898002C3' (a 0) or 'L898K02C3' (a K). */
    static DocumentReading oForZeroRead(String lower) {
        MrzReading zone = new MrzReading(MrzFormat.TD3, List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", lower),
                new MrzReading.CheckDigits(false, true, true, false), "P", "UTO", "ERIKSSON", "ANNA MARIA", "L898O02C3",
                "UTO", LocalDate.of(1974, 8, 12), "F", LocalDate.of(2012, 4, 15));
        return new DocumentReading(DocumentReading.Status.DONE, null, null, null, null, null, null, null, null, null,
                zone, null, "", List.of(), null);
    }

    @Test
    void aZoneThatAgreesOnlyWithTheLetterOOfItsNumberReadAsZeroIsForAPersonToCompareNeitherPassedNorFailed() {
        DocumentFacts passport = DocumentFacts.ofKind(DocumentKind.PASSPORT);
        // a 0 misread as O, or a K (20, so 0 modulo 10) changed into an O: the same characters either way
        CheckResult ambiguous = read(RECOVERY, passport, oForZeroRead("L898O02C39UTO7408122F1204159ZE184226B<<<<<14"),
                DocumentChecks.TYPED_BY_CLIENT).get(MRZ);
        assertThat(ambiguous).isEqualTo(CheckResult.review(MRZ, "TD3 zone read; its check digits agree only if a letter"
                + " O in the document number 'L898O02C3' is the digit 0. OCR takes one for the other, and so would a"
                + " character changed into an O: compare the number printed on the page by eye"));
        // the number's check digit changed too: no O read as 0 makes it agree
        CheckResult altered = read(RECOVERY, passport, oForZeroRead("L898O02C38UTO7408122F1204159ZE184226B<<<<<14"),
                DocumentChecks.TYPED_BY_CLIENT).get(MRZ);
        assertThat(altered.outcome()).isEqualTo(FAIL);
    }

    @Test
    void theZonePassesWhenEveryCheckDigitAgreesAndFailsNamingTheOneThatDoesNot() {
        DocumentFacts passport = DocumentFacts.ofKind(DocumentKind.PASSPORT);
        assertThat(read(RECOVERY, passport, passportRead(ALL_AGREE), DocumentChecks.TYPED_BY_CLIENT).get(MRZ).detail())
                .isEqualTo("TD3 zone read; every check digit agrees (document number, date of birth, expiry date, "
                        + "composite)");
        CheckResult number = read(RECOVERY, passport, passportRead(new MrzReading.CheckDigits(false, true, true, true)),
                DocumentChecks.TYPED_BY_CLIENT).get(MRZ);
        assertThat(number).isEqualTo(CheckResult.fail(MRZ, "TD3 zone read; the check digit of the document number "
                + "does not agree: the zone was altered, damaged or misread"));
        CheckResult two = read(RECOVERY, passport, passportRead(new MrzReading.CheckDigits(true, false, true, false)),
                DocumentChecks.TYPED_BY_CLIENT).get(MRZ);
        assertThat(two.outcome()).isEqualTo(FAIL);
        assertThat(two.detail()).contains("the date of birth, the composite do not agree");
        assertThat(read(RECOVERY, passport, passportRead(new MrzReading.CheckDigits(true, true, true, true, true)),
                DocumentChecks.TYPED_BY_CLIENT).get(MRZ).detail()).isEqualTo("TD3 zone read; every check digit agrees "
                        + "(document number, date of birth, expiry date, personal number, composite)");
        CheckResult personal = read(RECOVERY, passport, passportRead(new MrzReading.CheckDigits(true, true, true, true,
                false)), DocumentChecks.TYPED_BY_CLIENT).get(MRZ);
        assertThat(personal).isEqualTo(CheckResult.fail(MRZ, "TD3 zone read; the check digit of the personal number "
                + "does not agree: the zone was altered, damaged or misread"));
        assertThat(DocumentReview.clientReason(DocumentKind.PASSPORT, MRZ)).isEqualTo("ALTERED_DOCUMENT");
    }

    @Test
    void aPassportWithoutAReadableZoneNeedsAReviewerButALicenseWithoutOneDoesNot() {
        CheckResult none = read(RECOVERY, DocumentFacts.ofKind(DocumentKind.PASSPORT),
                DocumentReading.unreadable("the page is blank"), DocumentChecks.TYPED_BY_CLIENT).get(MRZ);
        assertThat(none.outcome()).isEqualTo(NEEDS_REVIEW);
        assertThat(none.detail()).contains("carries a machine-readable zone, but none could be read (the page is blank)");
        var licence = read(RECOVERY, facts(DocumentKind.DRIVERS_LICENSE, "Maria Gonzalez", AUSTIN_AS_WRITTEN, "US", "TX",
                TODAY.plusYears(1)), billRead(AUSTIN_AS_WRITTEN, "Maria Gonzalez"), DocumentChecks.TYPED_BY_CLIENT);
        assertThat(licence).doesNotContainKey(MRZ);
        assertThat(read(RECOVERY, DocumentFacts.ofKind(DocumentKind.PASSPORT), DocumentReading.pending(),
                DocumentChecks.TYPED_BY_CLIENT).get(MRZ).outcome()).as("still being read").isEqualTo(NEEDS_REVIEW);
    }

    @Test
    void consistencyFailsForEachTypedFieldTheDocumentContradictsNamingBothValues() {
        DocumentReading passport = passportRead(ALL_AGREE);
        var name = new DocumentFacts(DocumentKind.PASSPORT, "Mario Gonzalez", null, null, null, null);
        assertThat(read(RECOVERY, name, passport, DocumentChecks.TYPED_BY_CLIENT).get(CONSISTENCY))
                .isEqualTo(CheckResult.fail(CONSISTENCY, "Name: 'Mario Gonzalez' (typed by the client) but "
                        + "'MARIA GONZALEZ' (read from the MRZ)"));
        var number = new DocumentFacts(DocumentKind.PASSPORT, null, null, null, null, null, null, "L898902C4");
        assertThat(read(RECOVERY, number, passport, DocumentChecks.TYPED_BY_ANALYST).get(CONSISTENCY))
                .isEqualTo(CheckResult.fail(CONSISTENCY, "Document number: 'L898902C4' (typed by the analyst) but "
                        + "'L898902C3' (read from the MRZ)"));
        var expiry = new DocumentFacts(DocumentKind.PASSPORT, null, null, null, null, EXPIRES.plusDays(1));
        assertThat(read(RECOVERY, expiry, passport, DocumentChecks.TYPED_BY_CLIENT).get(CONSISTENCY))
                .isEqualTo(CheckResult.fail(CONSISTENCY, "Expiry date: '" + EXPIRES.plusDays(1)
                        + "' (typed by the client) but '" + EXPIRES + "' (read from the MRZ)"));
        var address = new DocumentFacts(DocumentKind.PROOF_OF_ADDRESS, null,
                new Written("1200 Barton Springs Rd", "Ste 400", "Austin", "TX", "78704", "US"), null, null, null);
        var otherAddress = new Written("99 Old Mill Road", null, "Springfield", "IL", "62704", "US");
        DocumentReading pdfBill = new DocumentReading(DocumentReading.Status.DONE, null, null, null, null, null, null,
                null, null, new ReadValue<>(otherAddress, ReadSource.PDF_TEXT, 0.95), null, null, "", List.of(), null);
        CheckResult differs = read(RECOVERY, address, pdfBill, DocumentChecks.TYPED_BY_CLIENT).get(CONSISTENCY);
        assertThat(differs.outcome()).isEqualTo(FAIL);
        assertThat(differs.detail()).startsWith("Address: ").contains("(read from the PDF text)");
        var all = new DocumentFacts(DocumentKind.PASSPORT, "Mario Gonzalez", null, null, null, EXPIRES.plusDays(1), null,
                "X1");
        assertThat(read(RECOVERY, all, passport, DocumentChecks.TYPED_BY_CLIENT).get(CONSISTENCY).detail())
                .contains("Name: ", "; Document number: ", "; Expiry date: ");
        assertThat(DocumentReview.clientReason(DocumentKind.PASSPORT, CONSISTENCY)).isEqualTo("DETAILS_DO_NOT_MATCH");
    }

    @Test
    void consistencyPassesWhenWhatWasTypedAgreesWrittenAnyWay() {
        var agreeing = new DocumentFacts(DocumentKind.PASSPORT, "gonzalez, maría", null, null, null, EXPIRES, null,
                "l898 902-c3");
        assertThat(read(RECOVERY, agreeing, passportRead(ALL_AGREE), DocumentChecks.TYPED_BY_CLIENT).get(CONSISTENCY))
                .isEqualTo(CheckResult.pass(CONSISTENCY, "What was typed agrees with the document: name, document "
                        + "number, expiry date"));
        var sameAddress = new DocumentFacts(DocumentKind.PROOF_OF_ADDRESS, null,
                new Written("1200 Barton Springs Road", "Suite 400", "Austin", "Texas", "78704", "United States"), null,
                null, null);
        assertThat(read(RECOVERY, sameAddress, billRead(AUSTIN_AS_WRITTEN, "Maria Gonzalez"),
                DocumentChecks.TYPED_BY_CLIENT).get(CONSISTENCY).outcome()).isEqualTo(PASS);
        assertThat(read(RECOVERY, agreeing, DocumentReading.unreadable("blank"), DocumentChecks.TYPED_BY_CLIENT)
                .get(CONSISTENCY).outcome()).as("nothing read to contradict").isEqualTo(PASS);
        assertThat(read(RECOVERY, agreeing, null, DocumentChecks.TYPED_BY_CLIENT)).as("never read")
                .doesNotContainKeys(CONSISTENCY, MRZ);
    }
}
