package dev.attest.screening.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.cases.CaseType;
import dev.attest.cases.Priority;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.UserDirectory;
import dev.attest.screening.HitVerdict;
import dev.attest.screening.SanctionsList;
import dev.attest.screening.ScreeningTrigger;
import dev.attest.screening.StoredScreenings;
import dev.attest.screening.SubjectSource;
import dev.attest.screening.SubjectType;
import dev.attest.ui.KaribuTest;
import dev.attest.worklist.WorkItem;

/**
 * Above the screening tasks' forms: "Review screening hits" shows the hits waiting for a decision with their
 * explanation; "Confirm true match" the true matches waiting for the second reviewer with the first reviewer's
 * decision and reason (and says so when it is the reader's own); other tasks get nothing.
 */
class ScreeningTaskSectionTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired UserDirectory users;
    StoredScreenings stored;
    CaseFile c;
    long undecided;
    long awaiting;
    long cleared;

    @BeforeEach
    void screenedCase() {
        stored = new StoredScreenings(ctx);
        var body = CaseRequests.with("type", "SELLER_VERIFICATION");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) body.get("client");
        client.put("businessName", "Seller Goods LLC");
        c = RunAs.user("intake", () -> intake.open(new ObjectMapper().convertValue(body, CaseIntakeRequest.class)),
                Role.INTAKE);
        stored.clear(c.getId());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.DAYS);
        long run = stored.run(c.getId(), ScreeningTrigger.OWNERSHIP, at, 1, 3);
        long owner = stored.subject(c.getId(), SubjectSource.OWNER, SubjectType.PERSON, "Ivan Petrov",
                LocalDate.of(1970, 1, 5), "CY", at);
        cleared = stored.hit(run, c.getId(), owner, "Ivan Petrov", SanctionsList.UK, "RUS0001", "Ivan PETROVSKY",
                "Ivan PETROVSKY", 0.81, List.of("name 'Ivan Petrov' ~ 'Ivan PETROVSKY': 0.81"), at);
        awaiting = stored.hit(run, c.getId(), owner, "Ivan Petrov", SanctionsList.EU, "EU.900", "Ivan PETROV",
                "Ivan PETROV", 0.99, List.of("name 'Ivan Petrov' = 'Ivan PETROV': 1.00", "date of birth equal"), at);
        undecided = stored.hit(run, c.getId(), owner, "Ivan Petrov", SanctionsList.OFAC_SDN, "17001",
                "PETROV, Ivan Ivanovich", "PETROV, Ivan", 0.9, List.of("name 'Ivan Petrov' ~ 'PETROV, Ivan': 0.90",
                        "country differs: RU"), at);
        stored.decide(cleared, HitVerdict.FALSE_POSITIVE, "Other person", "analyst", at.plus(1, ChronoUnit.HOURS));
        stored.decide(awaiting, HitVerdict.TRUE_MATCH, "Same name and date of birth", "analyst",
                at.plus(2, ChronoUnit.HOURS));
    }

    WorkItem task(String key, String name) {
        return new WorkItem("screening-task-test", name, key, null, c.getId().toString(), c.getReference(),
                "Jane Seller", CaseType.SELLER_VERIFICATION, Priority.NORMAL, Instant.now(), null, null, null, null,
                null);
    }

    /** The section as the task view adds it above the form. */
    Component show(WorkItem task) {
        Component section = ctx.getBean(ScreeningTaskSection.class).render(task, Map.of());
        if (section != null) {
            UI.getCurrent().add(section);
        }
        return section;
    }

    static List<String> hitIds() {
        return _find(Div.class, spec -> spec.withClasses("screening-hit")).stream()
                .map(d -> d.getId().orElseThrow()).toList();
    }

    @Test
    void theReviewShowsTheHitsToDecideWithTheirExplanation() {
        login("analyst", Role.ANALYST);
        show(task("Task_ReviewScreeningHits", "Review screening hits"));
        assertThat(_get(H3.class).getText()).isEqualTo("Potential hits to decide (1)");
        assertThat(hitIds()).containsExactly("screening-hit-" + undecided);
        String text = _get(Div.class, spec -> spec.withId("screening-hit-" + undecided)).getElement()
                .getTextRecursively();
        assertThat(text).contains("Ivan Petrov ↔ PETROV, Ivan (a name of PETROV, Ivan Ivanovich)")
                .contains("OFAC Specially Designated Nationals (OFAC_SDN), entry 17001").contains("Score 90 %")
                .contains("country differs: RU")
                .contains("Subject: Ivan Petrov (Person, beneficial owner (ownership version 1), born 1970-01-05, CY)");
    }

    @Test
    void theConfirmationShowsTheFirstReviewersDecisionAndWarnsTheAnalystWhoTookIt() {
        login("senior", Role.SENIOR_ANALYST);
        show(task("Task_ConfirmTrueMatch", "Confirm true match"));
        assertThat(_get(H3.class).getText()).isEqualTo("True matches to confirm (1)");
        assertThat(hitIds()).containsExactly("screening-hit-" + awaiting);
        String text = _get(Div.class, spec -> spec.withId("screening-hit-" + awaiting)).getElement()
                .getTextRecursively();
        assertThat(text).contains("Open: true match waiting for a second reviewer")
                .contains("Judged a true match by " + users.displayName("analyst"))
                .contains(": Same name and date of birth").doesNotContain("You took this decision");

        UI.getCurrent().removeAll();
        login("analyst", Role.SENIOR_ANALYST);
        show(task("Task_ConfirmTrueMatch", "Confirm true match"));
        assertThat(_get(Div.class, spec -> spec.withId("screening-hit-" + awaiting)).getElement()
                .getTextRecursively()).contains("You took this decision");
    }

    @Test
    void otherTasksAndRefusedUsersGetNothing() {
        login("analyst", Role.ANALYST);
        assertThat(show(task("Task_ReviewDocument", "Review document"))).isNull();
        login("designer", Role.DESIGNER);
        assertThat(show(task("Task_ReviewScreeningHits", "Review screening hits"))).isNull();
    }
}
