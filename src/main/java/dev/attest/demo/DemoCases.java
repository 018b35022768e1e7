package dev.attest.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseIntakeRequest.AccountInput;
import dev.attest.cases.CaseIntakeRequest.AddressInput;
import dev.attest.cases.CaseIntakeRequest.ClientInput;
import dev.attest.cases.CaseIntakeRequest.SituationInput;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseType;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ownership.Ownership;
import dev.attest.ownership.OwnershipInput;
import dev.attest.recovery.MarketplaceDecisionRequest;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.worklist.Worklist;

/**
 * Opens the demo cases through the same services people use, then moves some along: claimed by the demo
 * analyst, escalated, closed.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "attest.demo.enabled", havingValue = "true")
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private final CaseIntake intake;
    private final CaseLookup lookup;
    private final Worklist worklist;
    private final Documents documents;
    private final Ownership ownership;
    private final TwoFactorRecovery recovery;
    private final Clock clock;
    private final ZoneId zone;

    DemoCases(CaseIntake intake, CaseLookup lookup, Worklist worklist, Documents documents, Ownership ownership,
            TwoFactorRecovery recovery, Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.recovery = recovery;
        this.ownership = ownership;
        this.intake = intake;
        this.lookup = lookup;
        this.worklist = worklist;
        this.documents = documents;
    }

    /** Today in the consultancy's zone: the day the forms check dates against (not the JVM's zone). */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** What to do with a demo case after opening it. */
    enum Then {
        /** Leave it waiting for the client's document (or, on the specialist path, for a senior analyst). */
        NOTHING,
        /** The client sent a document: it waits for review. */
        DOCUMENT,
        /** The demo analyst claimed the document review. */
        CLAIM,
        /** The ownership structure was recorded with an undocumented foreign parent: the client is asked. */
        OWNERSHIP_FINDINGS,
        /** Every document approved, beneficial owners confirmed and approved: verification passed. */
        VERIFIED,
        /** The demo senior analyst claimed the specialist review. */
        CLAIM_SPECIALIST,
        /** The client sent a document with an address that does not match: refused by the checks. */
        WRONG_ADDRESS,
        /** Document approved, case resolved. */
        RESOLVE,
        /** Document approved, case not resolved. */
        NOT_RESOLVED
    }

    record Demo(String type, String name, String email, String phone, String business, String country,
            String marketplace, AddressInput address, SituationInput situation, String description, Then then) {
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = RunAs.user("intake", () -> lookup.count(null, null, null), Role.INTAKE);
        if (existing > 0) {
            log.info("Demo data: {} cases exist, none added", existing);
            return;
        }
        for (Demo d : demos()) {
            CaseFile c = RunAs.user("intake", () -> intake.open(new CaseIntakeRequest(d.type(),
                    new ClientInput(d.name(), d.email(), d.phone(), d.business(), d.country()),
                    new AccountInput(d.marketplace(), null, d.address()), d.situation(), d.description())),
                    Role.INTAKE);
            try {
                advance(c, d.then());
            } catch (RuntimeException e) { // a document its checks refused (e.g. read otherwise) ends that demo early
                log.warn("Demo data: case {} stopped early: {}", c.getReference(), e.toString());
            }
        }
        log.info("Demo data: opened {} cases", demos().size());
    }

    private void advance(CaseFile c, Then then) {
        switch (then) {
            case NOTHING -> { }
            case DOCUMENT -> upload(c);
            case CLAIM -> {
                upload(c);
                String review = task(c, "Review ");
                RunAs.user("analyst", () -> worklist.claim(review), Role.ANALYST);
            }
            case OWNERSHIP_FINDINGS -> recordOwnership(c, new OwnershipInput("subject", "client", List.of(
                    new OwnershipInput.PartyInput("subject", "ORGANIZATION", c.getClient().businessName(), "US", true),
                    new OwnershipInput.PartyInput("parent", "ORGANIZATION", "Rossi Holding S.r.l.", "IT", false),
                    new OwnershipInput.PartyInput("client", "PERSON", c.getClient().fullName(), "US", true),
                    new OwnershipInput.PartyInput("brother", "PERSON", "Marco Rossi", "IT", true)), List.of(
                    new OwnershipInput.HoldingInput("parent", "subject", 80.0),
                    new OwnershipInput.HoldingInput("client", "subject", 20.0),
                    new OwnershipInput.HoldingInput("client", "parent", 50.0),
                    new OwnershipInput.HoldingInput("brother", "parent", 50.0))));
            case VERIFIED -> {
                var a = c.getAccount().addressOnFile();
                var shown = addressOnFile(c);
                String name = c.getClient().fullName();
                upload(c, "passport.jpg", DemoFiles.idCard("PASSPORT", name, a.singleLine()),
                        new DocumentMetadata("PASSPORT", name, shown, "US", null, today().plusYears(6).toString()));
                approve(c);
                upload(c, "utility-bill.pdf", DemoFiles.utilityBill(name, a.singleLine()),
                        new DocumentMetadata("PROOF_OF_ADDRESS", name, shown, null, null, null));
                approve(c);
                upload(c, "registration.pdf", DemoFiles.letter("Certificate of Formation", c.getClient().businessName(),
                        a.singleLine(), "Filed with the Secretary of State"),
                        new DocumentMetadata("COMPANY_REGISTRATION", c.getClient().businessName(), shown, "US", a.region(), null));
                approve(c);
                recordOwnership(c, new OwnershipInput("subject", "client", List.of(
                        new OwnershipInput.PartyInput("subject", "ORGANIZATION", c.getClient().businessName(), "US", true),
                        new OwnershipInput.PartyInput("client", "PERSON", name, "US", true)),
                        List.of(new OwnershipInput.HoldingInput("client", "subject", 100.0))));
                complete(c, "Confirm beneficial owners", "analyst", Map.of("ownersConfirmed", true), Role.ANALYST);
                complete(c, "Approve beneficial owners (four eyes)", "senior", Map.of("approval", "APPROVE"),
                        Role.ANALYST, Role.SENIOR_ANALYST);
            }
            case CLAIM_SPECIALIST -> RunAs.user("senior", () -> worklist.claim(firstTask(c)), Role.ANALYST,
                    Role.SENIOR_ANALYST);
            case WRONG_ADDRESS -> upload(c, new DocumentMetadata.AddressOnDocument("99 Old Mill Road", null, "Springfield",
                    "IL", "62704", "US"));
            case RESOLVE -> {
                approveDocument(c);
                submitToMarketplace(c);
                decide(c, new MarketplaceDecisionRequest("APPROVED", null, "Two-step verification disabled."));
                complete(c, "Confirm the switch to an authenticator app", "analyst", Map.of("authenticatorApp", "AUTHY",
                        "phoneUpdated", true, "switchNote", "Client confirmed by e-mail."), Role.ANALYST);
            }
            case NOT_RESOLVED -> {
                approveDocument(c);
                submitToMarketplace(c);
                decide(c, new MarketplaceDecisionRequest("REJECTED", "NAME_MISMATCH",
                        "The name on the ID does not match the account."));
                submitToMarketplace(c);
                decide(c, new MarketplaceDecisionRequest("REJECTED", "NAME_MISMATCH", null));
                complete(c, "Specialist review", "senior", Map.of("outcome", "NOT_RESOLVED",
                        "outcomeNote", "The marketplace refused the reset twice; the client was told to contact "
                                + "seller support with the legal name change."), Role.ANALYST, Role.SENIOR_ANALYST);
            }
        }
    }

    private void submitToMarketplace(CaseFile c) {
        complete(c, "Prepare the submission", "analyst", Map.of("nameAndAddressVisible", true, "issuerClear", true,
                "onlyNumbersCovered", true, "ready", "READY"), Role.ANALYST);
        complete(c, "Submit at the marketplace", "analyst", Map.of("submittedOn", today().toString()),
                Role.ANALYST);
    }

    private void decide(CaseFile c, MarketplaceDecisionRequest decision) {
        RunAs.user("analyst", () -> recovery.recordDecision(c.getReference(), decision), Role.ANALYST);
    }

    private void upload(CaseFile c) {
        upload(c, addressOnFile(c));
    }

    /** The account's address as a document would show it. */
    private static DocumentMetadata.AddressOnDocument addressOnFile(CaseFile c) {
        var a = c.getAccount().addressOnFile();
        return new DocumentMetadata.AddressOnDocument(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(),
                a.country().value());
    }

    private void upload(CaseFile c, DocumentMetadata.AddressOnDocument shown) {
        String address = String.join(", ", Stream.of(shown.line1(), shown.line2(), shown.city(),
                shown.region(), shown.postalCode(), shown.country()).filter(p -> p != null).toList());
        String name = c.getClient().fullName();
        boolean recovery = c.getType() == CaseType.ACCOUNT_RECOVERY_2FA;
        DocumentMetadata metadata = recovery
                ? new DocumentMetadata("DRIVERS_LICENSE", name, shown, c.getAccount().addressOnFile().country().value(),
                        c.getAccount().addressOnFile().region(), today().plusYears(3).toString())
                : new DocumentMetadata("PROOF_OF_ADDRESS", name, shown, null, null, null);
        byte[] bytes = recovery ? DemoFiles.idCard("DRIVER LICENSE", name, address) : DemoFiles.utilityBill(name, address);
        String fileName = recovery ? "drivers-license.jpg" : "utility-bill.pdf";
        upload(c, fileName, bytes, metadata);
    }

    private void approveDocument(CaseFile c) {
        upload(c);
        approve(c);
    }

    private void complete(CaseFile c, String user, Map<String, Object> values, Role... roles) {
        RunAs.user(user, () -> {
            String task = firstTask(c);
            worklist.claim(task);
            worklist.complete(task, values);
        }, roles);
    }

    private void complete(CaseFile c, String taskName, String user, Map<String, Object> values, Role... roles) {
        String task = task(c, taskName);
        RunAs.user(user, () -> {
            worklist.claim(task);
            worklist.complete(task, values);
        }, roles);
    }

    /**
     * The case's open task of that name, waiting for it while a document is read in the background (the review task
     * exists only once its document was read and checked).
     */
    private String task(CaseFile c, String taskName) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            var found = RunAs.user("intake", () -> lookup.openTasks(c).stream()
                    .filter(t -> t.name().startsWith(taskName)).findFirst(), Role.INTAKE);
            if (found.isPresent()) {
                return found.get().id();
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("no open task '" + taskName.strip() + "'");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for '" + taskName.strip() + "'");
            }
        }
    }

    private void approve(CaseFile c) {
        // an override counts only where something is still open (e.g. a check needing review)
        complete(c, "Review ", "analyst", Map.of("nameAndAddressVisible", true, "issuerClear", true,
                "wholeOriginalInColour", true, "stampOrSignature", true, "decision", "APPROVE", "override", true,
                "overrideNote", "Compared with the original by video call (demo data)"), Role.ANALYST);
    }

    private void upload(CaseFile c, String fileName, byte[] bytes, DocumentMetadata metadata) {
        RunAs.user("intake", () -> documents.upload(c.getReference(), fileName, bytes, metadata), Role.INTAKE);
    }

    private void recordOwnership(CaseFile c, OwnershipInput structure) {
        RunAs.user("analyst", () -> ownership.record(c.getReference(), structure), Role.ANALYST);
    }

    private String firstTask(CaseFile c) {
        return RunAs.user("intake", () -> lookup.openTasks(c).get(0).id(), Role.INTAKE);
    }

    static List<Demo> demos() {
        AddressInput austin = new AddressInput("1200 Barton Springs Road", "Suite 400", "Austin", "TX", "78704", "US");
        AddressInput brooklyn = new AddressInput("77 North 6th Street", "Apt 3B", "Brooklyn", "NY", "11249", "US");
        AddressInput berlin = new AddressInput("Friedrichstraße 123", null, "Berlin", null, "10117", "DE");
        AddressInput toronto = new AddressInput("250 Yonge Street", "Unit 1801", "Toronto", "ON", "M5B 2L7", "CA");
        AddressInput london = new AddressInput("10 Upper Bank Street", null, "London", null, "E14 5JJ", "GB");
        AddressInput seattle = new AddressInput("500 Pine Street", null, "Seattle", "WA", "98101-1710", "US");
        AddressInput miami = new AddressInput("1450 Brickell Avenue", "Floor 18", "Miami", "FL", "33131", "US");
        SituationInput none = new SituationInput(false, false, false, false);
        SituationInput voip = new SituationInput(true, false, false, true, "VOIP_NUMBER");
        return List.of(
                new Demo("ACCOUNT_RECOVERY_2FA", "Maria Gonzalez", "maria@gonzalezhome.example.com", "+15125550143", null,
                        "US", "amazon.com", austin, voip, "OTP texts stopped arriving after moving to a VoIP number.",
                        Then.DOCUMENT),
                new Demo("ACCOUNT_RECOVERY_2FA", "James O'Connor", "james.oconnor@example.com", "+17185550199", null,
                        "US", "amazon.com", brooklyn, new SituationInput(true, false, false, false, "CHANGED_NUMBER"),
                        "Phone number changed; no access to the old SIM.", Then.CLAIM),
                new Demo("ACCOUNT_RECOVERY_2FA", "Lukas Becker", "lukas.becker@example.de", "+4915123456789", null,
                        "DE", "amazon.de", berlin, new SituationInput(true, true, false, false),
                        "Lost both the phone and the e-mail account.", Then.NOTHING),
                new Demo("ACCOUNT_RECOVERY_2FA", "Priya Raman", "priya@rajtextiles.example.com", "+14165550111",
                        null, "CA", "amazon.ca", toronto, new SituationInput(false, false, true, false),
                        "Account suspended during the lockout.", Then.CLAIM_SPECIALIST),
                new Demo("ACCOUNT_RECOVERY_2FA", "Oliver Smith", "oliver@smithandco.example.com", "+447400123456",
                        "Smith & Co Trading Ltd", "GB", "amazon.co.uk", london, none,
                        "Business account; the 2FA phone belonged to a former employee.", Then.NOTHING),
                new Demo("SELLER_VERIFICATION", "Chen Wei", "chen.wei@example.com", null, "Pacific Goods LLC", "US",
                        "amazon.com", seattle, none, "New seller, verification requested after the first listing.",
                        Then.NOTHING),
                new Demo("SELLER_VERIFICATION", "Aisha Bello", "aisha@bellobeauty.example.com", "+13055550175",
                        "Bello Beauty Inc", "US", "amazon.com", miami, none,
                        "Re-verification after a change of address.", Then.CLAIM),
                new Demo("SELLER_VERIFICATION", "Tom Fischer", "tom@fischer-outdoor.example.com", null,
                        "Fischer Outdoor GmbH", "DE", "amazon.de", berlin, new SituationInput(false, false, true, false),
                        "Account suspended pending verification of beneficial owners.", Then.WRONG_ADDRESS),
                new Demo("SELLER_VERIFICATION", "Sofia Rossi", "sofia@rossicasa.example.com", null, "Rossi Casa LLC", "US",
                        "amazon.com", austin, none, "Parent company registered in Italy.", Then.OWNERSHIP_FINDINGS),
                new Demo("ACCOUNT_RECOVERY_2FA", "Daniel Kim", "daniel.kim@example.com", "+12065550188", null, "US",
                        "amazon.com", seattle, new SituationInput(true, false, false, false, "BLOCKED_SHORT_CODES"),
                        "Blocked short codes on the carrier.", Then.RESOLVE),
                new Demo("SELLER_VERIFICATION", "Emma Johnson", "emma@johnsoncrafts.example.com", null,
                        "Johnson Crafts LLC", "US", "amazon.com", brooklyn, none, null, Then.VERIFIED),
                new Demo("ACCOUNT_RECOVERY_2FA", "Noah Williams", "noah@williamsgear.example.com", "+13055551234",
                        null, "US", "amazon.com", miami, none,
                        "Identity accepted, but the marketplace refused the reset.", Then.NOT_RESOLVED));
    }
}
