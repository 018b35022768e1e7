package dev.attest.demo;

import java.util.List;
import java.util.Map;

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
import dev.attest.identity.RunAs;
import dev.attest.identity.Role;
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

    DemoCases(CaseIntake intake, CaseLookup lookup, Worklist worklist) {
        this.intake = intake;
        this.lookup = lookup;
        this.worklist = worklist;
    }

    /** What to do with a demo case after opening it. */
    enum Then { NOTHING, CLAIM, ESCALATE, CLAIM_SPECIALIST, RESOLVE, NOT_RESOLVED }

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
            advance(c, d.then());
        }
        log.info("Demo data: opened {} cases", demos().size());
    }

    private void advance(CaseFile c, Then then) {
        switch (then) {
            case NOTHING -> { }
            case CLAIM -> RunAs.user("analyst", () -> worklist.claim(firstTask(c)), Role.ANALYST);
            case ESCALATE -> complete(c, "analyst", Map.of("outcome", "ESCALATE",
                    "outcomeNote", "Address on the utility bill does not match the account; needs a specialist."),
                    Role.ANALYST);
            case CLAIM_SPECIALIST -> RunAs.user("senior", () -> worklist.claim(firstTask(c)), Role.ANALYST,
                    Role.SENIOR_ANALYST);
            case RESOLVE -> complete(c, "analyst", Map.of("outcome", "RESOLVED",
                    "outcomeNote", "Documents accepted by the marketplace; client confirmed access."), Role.ANALYST);
            case NOT_RESOLVED -> complete(c, "analyst", Map.of("outcome", "NOT_RESOLVED",
                    "outcomeNote", "Client could not provide an official proof of address."), Role.ANALYST);
        }
    }

    private void complete(CaseFile c, String user, Map<String, Object> values, Role... roles) {
        RunAs.user(user, () -> {
            String task = firstTask(c);
            worklist.claim(task);
            worklist.complete(task, values);
        }, roles);
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
        SituationInput voip = new SituationInput(true, false, false, true);
        return List.of(
                new Demo("ACCOUNT_RECOVERY_2FA", "Maria Gonzalez", "maria@gonzalezhome.example.com", "+15125550143", null,
                        "US", "amazon.com", austin, voip, "OTP texts stopped arriving after moving to a VoIP number.",
                        Then.NOTHING),
                new Demo("ACCOUNT_RECOVERY_2FA", "James O'Connor", "james.oconnor@example.com", "+17185550199", null,
                        "US", "amazon.com", brooklyn, new SituationInput(true, false, false, false),
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
                        "Account suspended pending verification of beneficial owners.", Then.NOTHING),
                new Demo("SELLER_VERIFICATION", "Sofia Rossi", "sofia@rossicasa.example.com", null, "Rossi Casa LLC", "US",
                        "amazon.com", austin, none, "Parent company registered in Italy.", Then.ESCALATE),
                new Demo("ACCOUNT_RECOVERY_2FA", "Daniel Kim", "daniel.kim@example.com", "+12065550188", null, "US",
                        "amazon.com", seattle, voip, "Blocked short codes on the carrier.", Then.RESOLVE),
                new Demo("SELLER_VERIFICATION", "Emma Johnson", "emma@johnsoncrafts.example.com", null,
                        "Johnson Crafts LLC", "US", "amazon.com", brooklyn, none, null, Then.RESOLVE),
                new Demo("SELLER_VERIFICATION", "Noah Williams", "noah@williamsgear.example.com", null,
                        "Williams Gear Co", "US", "amazon.com", miami, none,
                        "Self-attestation without company stamp was rejected twice.", Then.NOT_RESOLVED));
    }
}
