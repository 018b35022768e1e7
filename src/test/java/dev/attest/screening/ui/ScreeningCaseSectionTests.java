package dev.attest.screening.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.UserDirectory;
import dev.attest.screening.HitVerdict;
import dev.attest.screening.SanctionsList;
import dev.attest.screening.ScreeningTrigger;
import dev.attest.screening.StoredScreenings;
import dev.attest.screening.SubjectSource;
import dev.attest.screening.SubjectType;
import dev.attest.ui.Formats;
import dev.attest.ui.KaribuTest;

/**
 * The screening section of a seller-verification case's view, open without a click: no screening yet; screened
 * without hits; the subjects, every hit with its explanation (open ones marked and first), the decisions with the
 * second reviewer's answer and the history; a closed case's hits no longer marked open; nothing for a user the
 * screening service refuses, and nothing on a 2FA recovery case.
 */
class ScreeningCaseSectionTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDirectory users;
    @Autowired ZoneId zone;
    StoredScreenings stored;

    @BeforeEach
    void tables() {
        stored = new StoredScreenings(ctx);
    }

    CaseFile verificationCase() {
        var body = CaseRequests.with("type", "SELLER_VERIFICATION");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) body.get("client");
        client.put("businessName", "Seller Goods LLC");
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(body, CaseIntakeRequest.class)), Role.INTAKE);
        new StoredScreenings(ctx).clear(c.getId());
        return c;
    }

    static String summary() {
        return _get(Paragraph.class, spec -> spec.withId("screening-summary")).getText();
    }

    @SuppressWarnings("unchecked")
    static <T> List<String> row(String gridId, int index) {
        Grid<T> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return GridKt._getFormattedRow(grid, index);
    }

    @SuppressWarnings("unchecked")
    static int rows(String gridId) {
        return GridKt._size(_get(Grid.class, spec -> spec.withId(gridId)));
    }

    /** A screening of the client and the business, with three hits on the client: undecided, false positive, and a
     * true match overturned by the second reviewer. */
    record Screened(long undecided, long falsePositive, long overturned, Instant at) {
    }

    Screened screenedWithHits(CaseFile c) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.DAYS);
        long run = stored.run(c.getId(), ScreeningTrigger.INTAKE, at, 2, 3);
        long client = stored.subject(c.getId(), SubjectSource.INTAKE_CLIENT, SubjectType.PERSON, "Jane Seller",
                LocalDate.of(1980, 4, 2), "US", at);
        stored.subject(c.getId(), SubjectSource.INTAKE_BUSINESS, SubjectType.ORGANISATION, "Seller Goods LLC", null,
                "US", at);
        long fp = stored.hit(run, c.getId(), client, "Jane Seller", SanctionsList.UN, "QDi.101", "Jane SELLERS",
                "Jane SELLERS", 0.88, List.of("name 'Jane Seller' ~ 'Jane SELLERS': 0.88", "date of birth differs"),
                at);
        long tm = stored.hit(run, c.getId(), client, "Jane Seller", SanctionsList.EU, "EU.4711", "Joan Sellar",
                "Jane Seller", 0.97, List.of("name 'Jane Seller' = alias 'Jane Seller': 0.97"), at);
        long open = stored.hit(run, c.getId(), client, "Jane Seller", SanctionsList.OFAC_SDN, "36012",
                "SELLER, Jane Marie", "SELLER, Jane", 0.934, List.of("name 'Jane Seller' ~ 'SELLER, Jane': 0.93",
                        "same country: US", "no date of birth listed"), at);
        stored.decide(fp, HitVerdict.FALSE_POSITIVE, "Different person: born 1951", "analyst",
                at.plus(1, ChronoUnit.HOURS));
        stored.decide(tm, HitVerdict.TRUE_MATCH, "Same alias and country", "analyst", at.plus(2, ChronoUnit.HOURS));
        stored.confirm(tm, false, "The listed Joan Sellar is a vessel owner in Malta", "senior",
                at.plus(3, ChronoUnit.HOURS));
        return new Screened(open, fp, tm, at);
    }

    @Test
    void aNewCaseIsScreenedAtIntakeAndTheAnalystSeesItWithoutAClick() {
        var body = CaseRequests.with("type", "SELLER_VERIFICATION");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) body.get("client");
        client.put("fullName", "Quillon Zarabeth Okonkwo-Vantreese");
        client.put("businessName", "Vantreese Quillon Trading Ltd");
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(body, CaseIntakeRequest.class)), Role.INTAKE);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(summary()).isEqualTo("Screened: no potential hits (2 subjects screened).");
        assertThat(row("screening-subjects", 0)).startsWith("Quillon Zarabeth Okonkwo-Vantreese", "Person",
                "Client at intake");
        assertThat(row("screening-subjects", 1)).startsWith("Vantreese Quillon Trading Ltd", "Organisation",
                "Business at intake");
    }

    @Test
    void aCaseFromBeforeScreeningIsNotScreenedYetThenScreenedWithoutHits() {
        CaseFile c = verificationCase();
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(summary()).isEqualTo("No screening yet.");
        assertThat(_find(Grid.class, spec -> spec.withId("screening-subjects"))).isEmpty();

        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        stored.run(c.getId(), ScreeningTrigger.INTAKE, at, 2, 0);
        stored.subject(c.getId(), SubjectSource.INTAKE_CLIENT, SubjectType.PERSON, "Jane Seller",
                LocalDate.of(1980, 4, 2), "US", at);
        stored.subject(c.getId(), SubjectSource.INTAKE_BUSINESS, SubjectType.ORGANISATION, "Seller Goods LLC", null,
                "US", at);
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(summary()).isEqualTo("Screened: no potential hits (2 subjects screened).");
        assertThat(row("screening-subjects", 0)).containsExactly("Jane Seller", "Person", "Client at intake",
                "1980-04-02", "US", Formats.dateTime(at, zone));
        assertThat(row("screening-subjects", 1)).containsExactly("Seller Goods LLC", "Organisation",
                "Business at intake", "—", "US", Formats.dateTime(at, zone));
        assertThat(_find(Div.class, spec -> spec.withId("screening-hits"))).isEmpty();
        assertThat(row("screening-history", 0)).element(2).asString()
                .contains("Screened the client and the business at intake: 2 subjects, 0 new potential hits");
    }

    @Test
    void everyHitIsExplainedTheOpenOneMarkedFirstWithTheDecisionsAndTheHistory() {
        CaseFile c = verificationCase();
        Screened s = screenedWithHits(c);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());

        assertThat(_get(VerticalLayout.class, spec -> spec.withId("case-screening")).isVisible()).isTrue();
        assertThat(summary()).isEqualTo("2 subjects screened; 3 potential hits, 1 waiting for a reviewer.");
        List<Div> hits = _get(Div.class, spec -> spec.withId("screening-hits")).getChildren().map(Div.class::cast)
                .toList();
        assertThat(hits).extracting(h -> h.getId().orElseThrow()).as("the open hit first")
                .startsWith("screening-hit-" + s.undecided());
        assertThat(hits).filteredOn(h -> h.hasClassName("screening-hit-open")).as("only the open hit is marked")
                .extracting(h -> h.getId().orElseThrow()).containsExactly("screening-hit-" + s.undecided());

        Div open = _get(Div.class, spec -> spec.withId("screening-hit-" + s.undecided()));
        String text = open.getElement().getTextRecursively();
        assertThat(text).contains("Open: waiting for review")
                .contains("OFAC Specially Designated Nationals (OFAC_SDN), entry 36012")
                .contains("Score 93 %")
                .contains("Jane Seller ↔ SELLER, Jane (a name of SELLER, Jane Marie)")
                .contains("Subject: Jane Seller (Person, client at intake, born 1980-04-02, US).")
                .contains("by the screening at intake");
        assertThat(_find(open, ListItem.class)).extracting(ListItem::getText).containsExactly(
                "name 'Jane Seller' ~ 'SELLER, Jane': 0.93", "same country: US", "no date of birth listed");
        assertThat(_get(Div.class, spec -> spec.withId("screening-hit-" + s.falsePositive())).getElement()
                .getTextRecursively()).contains("False positive").contains("Jane Seller ↔ Jane SELLERS")
                .doesNotContain("(a name of");
        assertThat(_get(Div.class, spec -> spec.withId("screening-hit-" + s.overturned())).getElement()
                .getTextRecursively()).contains("Overturned: a false positive").contains("Score 97 %");

        assertThat(rows("screening-decisions")).isEqualTo(2);
        String analyst = users.displayName("analyst");
        String senior = users.displayName("senior");
        // newest first: the true match (decided an hour after the false positive)
        assertThat(row("screening-decisions", 0)).containsExactly("EU EU.4711 (Joan Sellar) for Jane Seller",
                "True match", "Same alias and country",
                analyst + ", " + Formats.dateTime(s.at().plus(2, ChronoUnit.HOURS), zone),
                "Overturned (a false positive) by " + senior + ", "
                        + Formats.dateTime(s.at().plus(3, ChronoUnit.HOURS), zone)
                        + ": The listed Joan Sellar is a vessel owner in Malta");
        assertThat(row("screening-decisions", 1)).containsExactly("UN QDi.101 (Jane SELLERS) for Jane Seller",
                "False positive", "Different person: born 1951",
                analyst + ", " + Formats.dateTime(s.at().plus(1, ChronoUnit.HOURS), zone),
                "— (a false positive needs none)");

        assertThat(rows("screening-history")).isEqualTo(4);
        assertThat(row("screening-history", 0)).containsExactly(Formats.dateTime(s.at(), zone),
                users.displayName("system"), "Screened the client and the business at intake: 2 subjects, 3 new"
                        + " potential hits");
        assertThat(row("screening-history", 3)).element(1).isEqualTo(senior);
        assertThat(row("screening-history", 3)).element(2).asString()
                .startsWith("Overturned the true match (a false positive): EU EU.4711");
    }

    @Test
    void aTrueMatchWaitingForTheSecondReviewerIsOpenUntilTheCaseCloses() {
        CaseFile c = verificationCase();
        Screened s = screenedWithHits(c);
        stored.decide(s.undecided(), HitVerdict.TRUE_MATCH, "Same name, country and no other candidate", "analyst",
                s.at().plus(4, ChronoUnit.HOURS));
        login("senior", Role.SENIOR_ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        Div hit = _get(Div.class, spec -> spec.withId("screening-hit-" + s.undecided()));
        assertThat(hit.hasClassName("screening-hit-open")).isTrue();
        assertThat(hit.getElement().getTextRecursively()).contains("Open: true match waiting for a second reviewer");
        assertThat(row("screening-decisions", 0)).element(4).isEqualTo("Waiting for a second senior analyst");

        jdbc.update("UPDATE case_file SET status = 'CLOSED', outcome = 'RESOLVED', closed_at = ? WHERE reference = ?",
                Timestamp.from(Instant.now()), c.getReference());
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(_get(Paragraph.class, spec -> spec.withId("screening-closed")).getText())
                .startsWith("The case is closed: its screening is on record");
        assertThat(summary()).isEqualTo("2 subjects screened; 3 potential hits, none waiting for a reviewer.");
        hit = _get(Div.class, spec -> spec.withId("screening-hit-" + s.undecided()));
        assertThat(hit.hasClassName("screening-hit-open")).as("nobody is asked on a closed case").isFalse();
        assertThat(hit.getElement().getTextRecursively()).contains("True match, unconfirmed (case closed)");
    }

    @Test
    void intakeReadsTheScreeningAUserTheServiceRefusesGetsNoSectionAndARecoveryCaseHasNone() {
        CaseFile c = verificationCase();
        screenedWithHits(c);
        login("intake", Role.INTAKE);
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(summary()).contains("1 waiting for a reviewer");

        // the service decides: a role it refuses gets no section, not an error page
        login("designer", Role.DESIGNER);
        assertThat(ctx.getBean(ScreeningCaseSection.class).render(c)).isNull();

        CaseFile recovery = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + recovery.getReference());
        assertThat(_find(VerticalLayout.class, spec -> spec.withId("case-screening"))).isEmpty();
    }
}
