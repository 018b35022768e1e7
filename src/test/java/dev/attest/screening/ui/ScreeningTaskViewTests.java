package dev.attest.screening.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRequests;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.UserDirectory;
import dev.attest.screening.CaseScreening;
import dev.attest.screening.CaseScreenings;
import dev.attest.screening.HitStatus;
import dev.attest.screening.SanctionsList;
import dev.attest.screening.ScreeningReview;
import dev.attest.screening.ScreeningTrigger;
import dev.attest.screening.ScreeningWorkflow;
import dev.attest.screening.StoredScreenings;
import dev.attest.screening.SubjectSource;
import dev.attest.screening.SubjectType;
import dev.attest.ui.KaribuTest;
import dev.attest.worklist.EngineStatements;
import dev.attest.worklist.ui.TaskView;

/**
 * The screening tasks in the task view, as the Screening process gives them: the analyst reads each hit's explanation
 * above the form and decides each (one false positive, one true match, each with a reason); the senior analyst reads
 * the analyst's decision and reason above the confirmation form and overturns it; the case view shows the result.
 */
class ScreeningTaskViewTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;
    @Autowired CaseScreenings screenings;
    @Autowired ScreeningWorkflow workflow;
    @Autowired TransactionTemplate transactions;
    @Autowired UserDirectory users;
    @Autowired ProcessEngineConfigurationImpl engine;

    String openTask(CaseFile c, String name) {
        return RunAs.user("manager", () -> cases.openTasks(c), Role.MANAGER).stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    CaseScreening screening(CaseFile c) {
        return RunAs.user("manager", () -> screenings.forCase(c.getId()), Role.MANAGER);
    }

    static String hitText(long id) {
        return _get(Div.class, spec -> spec.withId("screening-hit-" + id)).getElement().getTextRecursively();
    }

    @Test
    void theAnalystDecidesEachExplainedHitAndTheSecondReviewerReadsTheDecisionBeforeOverturningIt() {
        var body = CaseRequests.with("type", "SELLER_VERIFICATION");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) body.get("client");
        client.put("businessName", "Seller Goods LLC");
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(body, CaseIntakeRequest.class)), Role.INTAKE);
        StoredScreenings stored = new StoredScreenings(ctx);
        stored.clear(c.getId());
        // what a list update found: two potential hits on the client, for review
        Instant at = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
        long run = stored.run(c.getId(), ScreeningTrigger.LIST_UPDATE, at, 1, 2);
        long subject = stored.subject(c.getId(), SubjectSource.INTAKE_CLIENT, SubjectType.PERSON, "Jane Seller",
                LocalDate.of(1980, 4, 2), "US", at);
        long other = stored.hit(run, c.getId(), subject, "Jane Seller", SanctionsList.UN, "QDi.101", "Jane SELLERS",
                "Jane SELLERS", 0.88, List.of("name 'Jane Seller' ~ 'Jane SELLERS': 0.88", "date of birth differs"), at);
        long same = stored.hit(run, c.getId(), subject, "Jane Seller", SanctionsList.OFAC_SDN, "36012",
                "SELLER, Jane Marie", "SELLER, Jane", 0.934, List.of("name 'Jane Seller' ~ 'SELLER, Jane': 0.93",
                        "same country: US"), at);
        // an earlier screening's hit, not this review's: not in its form, so not above it either
        long earlierRun = stored.run(c.getId(), ScreeningTrigger.INTAKE, at.minus(1, ChronoUnit.DAYS), 1, 1);
        long earlier = stored.hit(earlierRun, c.getId(), subject, "Jane Seller", SanctionsList.EU, "EU.1",
                "Jane SELLA", "Jane SELLA", 0.89, List.of("name 'Jane Seller' ~ 'Jane SELLA': 0.89"),
                at.minus(1, ChronoUnit.DAYS));
        transactions.executeWithoutResult(tx -> workflow.startReview(c.getReference(), c.getId(), run));

        login("analyst", Role.ANALYST);
        String review = openTask(c, "Review screening hits");
        Map<String, Integer> opened = EngineStatements.during(engine, () -> UI.getCurrent().navigate("tasks/"
                + review));
        assertThat(opened.getOrDefault("selectTask", 0) + opened.getOrDefault("selectTaskByQueryCriteria", 0))
                .as("the task read once, the hits' section using the page's form: " + opened).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withId("claim-task")));
        VerticalLayout panel = _get(VerticalLayout.class, spec -> spec.withId("task-screening"));
        assertThat(_get(panel, H3.class).getText()).isEqualTo("Potential hits to decide (2)");
        assertThat(hitText(same)).contains("Jane Seller ↔ SELLER, Jane (a name of SELLER, Jane Marie)")
                .contains("OFAC Specially Designated Nationals (OFAC_SDN), entry 36012").contains("Score 93 %")
                .contains("same country: US").contains("Open: waiting for review");
        assertThat(hitText(other)).contains("UN Security Council consolidated list (UN), entry QDi.101");
        assertThat(_find(panel, Div.class, spec -> spec.withId("screening-hit-" + earlier))).isEmpty();
        var children = _get(TaskView.class).getChildren().toList();
        var form = _get(RadioButtonGroup.class, spec -> spec.withId("field-" + ScreeningReview.decisionField(same)))
                .getParent().orElseThrow();
        assertThat(children.indexOf(panel)).as("the hits above the form").isNotNegative()
                .isLessThan(children.indexOf(form));

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> otherDecision = _get(RadioButtonGroup.class,
                spec -> spec.withId("field-" + ScreeningReview.decisionField(other)));
        assertThat(otherDecision.getLabel()).contains("UN QDi.101");
        _setValue(otherDecision, "FALSE_POSITIVE");
        _setValue(_get(TextArea.class, spec -> spec.withId("field-" + ScreeningReview.reasonField(other))),
                "Born 1951, not our client");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> sameDecision = _get(RadioButtonGroup.class,
                spec -> spec.withId("field-" + ScreeningReview.decisionField(same)));
        _setValue(sameDecision, "TRUE_MATCH");
        _setValue(_get(TextArea.class, spec -> spec.withId("field-" + ScreeningReview.reasonField(same))),
                "Same name and country");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        CaseScreening afterReview = screening(c);
        assertThat(afterReview.hits()).filteredOn(h -> h.id() == other).extracting(CaseScreening.Hit::status)
                .containsExactly(HitStatus.FALSE_POSITIVE);
        assertThat(afterReview.hits()).filteredOn(h -> h.id() == same).extracting(CaseScreening.Hit::status)
                .containsExactly(HitStatus.AWAITING_CONFIRMATION);

        login("senior", Role.SENIOR_ANALYST);
        UI.getCurrent().navigate("tasks/" + openTask(c, "Confirm true match"));
        _click(_get(Button.class, spec -> spec.withId("claim-task")));
        panel = _get(VerticalLayout.class, spec -> spec.withId("task-screening"));
        assertThat(_get(panel, H3.class).getText()).isEqualTo("True matches to confirm (1)");
        assertThat(hitText(same)).contains("Open: true match waiting for a second reviewer")
                .contains("Judged a true match by " + users.displayName("analyst")).contains(": Same name and country");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> confirmation = _get(RadioButtonGroup.class, spec -> spec.withId("field-confirmation"));
        _setValue(confirmation, "OVERTURN");
        _setValue(_get(TextArea.class, spec -> spec.withId("field-confirmationReason")),
                "The listed Jane Marie Seller was born in 1962");
        _click(_get(Button.class, spec -> spec.withId("complete-task")));

        assertThat(screening(c).hits()).filteredOn(h -> h.id() == same).extracting(CaseScreening.Hit::status)
                .containsExactly(HitStatus.OVERTURNED);
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(hitText(same)).contains("Overturned: a false positive");
        assertThat(_get(Div.class, spec -> spec.withId("screening-hits")).getChildren()
                .filter(d -> ((Div) d).hasClassName("screening-hit-open")).map(d -> d.getId().orElseThrow()))
                .as("only the earlier screening's hit still waits").containsExactly("screening-hit-" + earlier);
    }
}
