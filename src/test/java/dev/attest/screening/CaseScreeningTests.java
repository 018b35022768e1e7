package dev.attest.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.screening.process.ScreeningProcess;
import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.Worklist;

/**
 * Screening a case's subjects with real lists: hits explained and stored, decisions audited, false positives
 * remembered until the entry changes, the four-eyes confirmation, re-screening on a list update against only the
 * added or changed entries (once per case and version), the review task's form, and
 * {@code GET /api/v1/cases/{id}/screening}.
 */
@AttestTest
class CaseScreeningTests {

    @Autowired SanctionsLists lists;
    @Autowired ListsInForce inForce;
    @Autowired ScreeningReview review;
    @Autowired CaseScreenings screenings;
    @Autowired ListUpdateScreening rescreening;
    @Autowired CaseIntake intake;
    @Autowired ObjectMapper json;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired Worklist worklist;
    @Autowired MockMvc mvc;

    String surname;
    SampleLists.Sample target;
    SampleLists.Sample unrelated;
    CaseFile caseFile;

    @BeforeEach
    void setUp() {
        Random random = new Random();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
        surname = s.toString();
        String id = String.valueOf(700_000 + random.nextInt(99_999));
        target = new SampleLists.Sample(id, "Mirela", surname, true, "", "", "");
        unrelated = new SampleLists.Sample(id + "1", "Teodor", surname.substring(3) + "QX", true, "", "", "");
        caseFile = RunAs.user("intake", () -> intake.open(json.convertValue(CaseRequests.with("client.fullName",
                "Mirela " + surname.charAt(0) + surname.substring(1).toLowerCase()), CaseIntakeRequest.class)),
                Role.INTAKE);
    }

    List<CaseScreening.Hit> hitsOfTarget() {
        return RunAs.user("analyst", () -> screenings.forCase(caseFile.getId()), Role.ANALYST).hits().stream()
                .filter(h -> h.entryName().contains(surname)).toList();
    }

    ScreeningReview.Outcome screen() {
        return transactions.execute(t -> review.screenCase(caseFile.getId(), ScreeningTrigger.INTAKE, 0));
    }

    void decide(long runId, long hitId, HitVerdict verdict, String by) {
        transactions.executeWithoutResult(t -> review.decide(caseFile.getId(), runId, Map.of(
                ScreeningReview.decisionField(hitId), verdict.name(), ScreeningReview.reasonField(hitId),
                "the client was born in 1990, the entry in 1950"), by));
    }

    long audits(String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where case_reference = ? and action = ?",
                Long.class, caseFile.getReference(), action);
    }

    @Test
    void aHitIsExplainedAndAFalsePositiveIsNotRaisedAgainUntilTheEntryChanges() throws Exception {
        SanctionsListsTests.load(lists, ListFormat.UN_XML, List.of(target, unrelated));

        ScreeningReview.Outcome first = screen();
        assertThat(first.newHits()).isEqualTo(1);
        CaseScreening screening = RunAs.user("analyst", () -> screenings.forCase(caseFile.getId()), Role.ANALYST);
        assertThat(screening.subjects()).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo(SubjectSource.INTAKE_CLIENT);
            assertThat(s.type()).isEqualTo(SubjectType.PERSON);
            assertThat(s.country()).isEqualTo("US");
        });
        CaseScreening.Hit hit = hitsOfTarget().get(0);
        assertThat(hit.list()).isEqualTo(SanctionsList.UN);
        assertThat(hit.status()).isEqualTo(HitStatus.UNDECIDED);
        assertThat(hit.score()).isGreaterThanOrEqualTo(0.88);
        assertThat(hit.reasons()).isNotEmpty();
        assertThat(hit.matchedName()).containsIgnoringCase(surname);
        assertThat(hit.trigger()).isEqualTo(ScreeningTrigger.INTAKE);

        decide(first.runId(), hit.id(), HitVerdict.FALSE_POSITIVE, "analyst");
        assertThat(hitsOfTarget().get(0).status()).isEqualTo(HitStatus.FALSE_POSITIVE);
        assertThat(hitsOfTarget().get(0).decision().decidedBy()).isEqualTo("analyst");
        assertThat(audits("SCREENING_HIT_DECIDED")).isEqualTo(1);

        assertThat(screen().newHits()).as("remembered: no review again").isZero();

        // the entry changes (a new alias): the list update raises it again and opens a review of its own
        SanctionsListsTests.load(lists, ListFormat.UN_XML, List.of(target.withAlias("Mira " + surname), unrelated));
        List<CaseScreening.Hit> hits = hitsOfTarget();
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).status()).isEqualTo(HitStatus.UNDECIDED);
        assertThat(hits.get(0).trigger()).isEqualTo(ScreeningTrigger.LIST_UPDATE);
        assertThat(hits.get(0).entryFingerprint()).isNotEqualTo(hits.get(1).entryFingerprint());
        List<Task> tasks = reviewTasks();
        assertThat(tasks).hasSize(1);

        // the review's form: every hit needs a decision and a reason, else nothing changes
        String taskId = tasks.get(0).getId();
        taskService.setAssignee(taskId, "analyst");
        assertThatThrownBy(() -> RunAs.user("analyst", () -> worklist.complete(taskId, Map.of()), Role.ANALYST))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(ScreeningReview.decisionField(hits.get(0).id()));
        RunAs.user("analyst", () -> worklist.complete(taskId, Map.of(
                ScreeningReview.decisionField(hits.get(0).id()), "FALSE_POSITIVE",
                ScreeningReview.reasonField(hits.get(0).id()), "different person: other date of birth")),
                Role.ANALYST);
        assertThat(reviewTasks()).isEmpty();
        assertThat(hitsOfTarget().get(0).status()).isEqualTo(HitStatus.FALSE_POSITIVE);

        // the API: the screening with its explanation and decisions
        mvc.perform(get("/api/v1/cases/" + caseFile.getReference() + "/screening").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseReference").value(caseFile.getReference()))
                .andExpect(jsonPath("$.subjects[0].source").value("INTAKE_CLIENT"))
                .andExpect(jsonPath("$.hits[0].reasons").isArray())
                .andExpect(jsonPath("$.hits[0].matchedName").isString())
                .andExpect(jsonPath("$.hits[0].decision.verdict").value("FALSE_POSITIVE"))
                .andExpect(jsonPath("$.decisions.length()").value(2))
                .andExpect(jsonPath("$.history.length()").value(5));
        mvc.perform(get("/api/v1/cases/" + UUID.randomUUID() + "/screening").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + caseFile.getId() + "/screening").with(httpBasic("designer", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTrueMatchNeedsASecondDifferentReviewer() {
        SanctionsListsTests.load(lists, ListFormat.UN_XML, List.of(target, unrelated));
        ScreeningReview.Outcome outcome = screen();
        long hitId = hitsOfTarget().get(0).id();
        decide(outcome.runId(), hitId, HitVerdict.TRUE_MATCH, "analyst");
        assertThat(hitsOfTarget().get(0).status()).isEqualTo(HitStatus.AWAITING_CONFIRMATION);
        assertThat(RunAs.user("manager", () -> screenings.openHits(), Role.MANAGER).awaitingConfirmation())
                .isPositive();

        // the confirmation task's form rules refuse the same analyst before the engine is asked
        assertThatThrownBy(() -> review.checkConfirmer(outcome.runId(), "analyst"))
                .isInstanceOf(ScreeningFourEyesException.class).hasMessageContaining("Four eyes");
        review.checkConfirmer(outcome.runId(), "senior");
        assertThatThrownBy(() -> transactions.executeWithoutResult(t -> review.confirm(caseFile.getId(),
                outcome.runId(), true, "same person", "analyst"))).isInstanceOf(ScreeningFourEyesException.class);
        assertThat(hitsOfTarget().get(0).status()).isEqualTo(HitStatus.AWAITING_CONFIRMATION);

        transactions.executeWithoutResult(t -> review.confirm(caseFile.getId(), outcome.runId(), true,
                "same person: the passport matches", "senior"));
        CaseScreening.Hit hit = hitsOfTarget().get(0);
        assertThat(hit.status()).isEqualTo(HitStatus.TRUE_MATCH);
        assertThat(hit.decision().confirmation().by()).isEqualTo("senior");
        assertThat(audits("SCREENING_MATCH_CONFIRMED")).isEqualTo(1);
        OpenHits open = RunAs.user("manager", () -> screenings.openHits(), Role.MANAGER);
        assertThat(open.clearedLast30Days()).isPositive();
        assertThat(open.medianTimeToClear()).isNotNull();
        assertThat(open.medianTimeToClear().isNegative()).isFalse();
        assertThat(open.p90TimeToClear()).isGreaterThanOrEqualTo(open.medianTimeToClear());
        assertThat(screen().newHits()).as("a confirmed match of the same entry is not raised again").isZero();
    }

    @Test
    void aListUpdateScreensOnlyTheAddedOrChangedEntriesOncePerCase() {
        SanctionsListsTests.load(lists, ListFormat.UN_XML, List.of(unrelated));
        screen();
        // the target comes onto the list: its loading re-screens the case and opens one review
        ListVersion version = SanctionsListsTests.load(lists, ListFormat.UN_XML, List.of(target, unrelated));
        assertThat(reviewTasks()).hasSize(1);
        assertThat(hitsOfTarget()).singleElement().satisfies(h -> assertThat(h.trigger())
                .isEqualTo(ScreeningTrigger.LIST_UPDATE));
        String targetId = inForce.entries().stream().filter(e -> e.name().contains(surname)
                && e.name().startsWith("Mirela")).findFirst().orElseThrow().entryId();
        String unrelatedId = inForce.entries().stream().filter(e -> e.name().startsWith("Teodor")
                && e.name().contains(surname.substring(3))).findFirst().orElseThrow().entryId();

        // delivered again: nothing new
        ListUpdateScreening.Result again = rescreening.rescreen(new ListVersionLoaded(SanctionsList.UN, version.id(),
                Set.of(targetId), Set.of()));
        assertThat(again.casesWithHits()).isPositive();
        assertThat(again.reviewsStarted()).isZero();
        assertThat(reviewTasks()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from screening_run where case_id = ? and list_version_id = ?",
                Long.class, caseFile.getId(), version.id())).isEqualTo(1);

        // only the delta is screened: an update that changed only the unrelated entry does not find the target
        ListUpdateScreening.Result delta = rescreening.rescreen(new ListVersionLoaded(SanctionsList.UN,
                version.id() + 100_000, Set.of(unrelatedId), Set.of()));
        assertThat(delta.entries()).isEqualTo(1);
        assertThat(reviewTasks()).hasSize(1);
    }

    long runs(UUID caseId, long versionId) {
        return jdbc.queryForObject("select count(*) from screening_run where case_id = ? and list_version_id = ?",
                Long.class, caseId, versionId);
    }

    Object rescreenedAt(long versionId) {
        return jdbc.queryForObject("select rescreened_at from screening_list_version where id = ?", Object.class,
                versionId);
    }

    @Test
    void aVersionWhoseReScreeningDidNotFinishIsScreenedAgainAtTheNextStartAndRaisesNothingTwice() {
        SanctionsListsTests.load(lists, ListFormat.UN_XML, List.of(unrelated));
        screen();
        ListVersion version = SanctionsListsTests.load(lists, ListFormat.UN_XML, List.of(target, unrelated));
        assertThat(rescreenedAt(version.id())).as("re-screening finished").isNotNull();
        assertThat(runs(caseFile.getId(), version.id())).isEqualTo(1);

        // a case the re-screening never reached (its node stopped half-way): its client was screened before the
        // version came, under the name the list now carries
        CaseFile missed = RunAs.user("intake", () -> intake.open(json.convertValue(CaseRequests.with(
                "client.fullName", "Zoe Nobody"), CaseIntakeRequest.class)), Role.INTAKE);
        transactions.execute(t -> review.screenCase(missed.getId(), ScreeningTrigger.INTAKE, 0));
        jdbc.update("update screening_subject set name = ? where case_id = ? and subject_type = 'PERSON'",
                "Mirela " + surname.charAt(0) + surname.substring(1).toLowerCase(), missed.getId());
        jdbc.update("update screening_list_version set rescreened_at = null where id = ?", version.id());

        rescreening.catchUp();

        assertThat(runs(missed.getId(), version.id())).as("the missed case screened for the version").isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(missed.getReference())
                .taskDefinitionKey(ScreeningProcess.TASK_REVIEW_HITS).count()).isOne();
        assertThat(runs(caseFile.getId(), version.id())).as("the case it had reached: nothing twice").isEqualTo(1);
        assertThat(reviewTasks()).hasSize(1);
        assertThat(rescreenedAt(version.id())).as("finished now").isNotNull();

        // started again: nothing left to do
        rescreening.catchUp();
        assertThat(runs(missed.getId(), version.id())).isEqualTo(1);
    }

    @Test
    void aSellerVerificationScreensTheClientAndTheBusinessAndWaitsForTheReview() throws Exception {
        SanctionsListsTests.load(lists, ListFormat.UN_XML, List.of(target, unrelated));
        CaseFile seller = RunAs.user("intake", () -> intake.open(new CaseIntakeRequest("SELLER_VERIFICATION",
                new CaseIntakeRequest.ClientInput("Mirela " + surname, "mirela@example.com", null,
                        surname + " Trading LLC", "US"),
                new CaseIntakeRequest.AccountInput("amazon.com", null,
                        new CaseIntakeRequest.AddressInput("1 Main St", null, "Austin", "TX", "78701", "US")),
                null, null)), Role.INTAKE);
        caseFile = seller;
        List<Task> tasks = List.of();
        for (int i = 0; i < 100 && tasks.isEmpty(); i++) {
            tasks = reviewTasks();
            if (tasks.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(tasks).as("the called Screening waits for the review").hasSize(1);
        CaseScreening screening = RunAs.user("analyst", () -> screenings.forCase(seller.getId()), Role.ANALYST);
        assertThat(screening.subjects()).extracting(CaseScreening.Subject::source)
                .containsExactly(SubjectSource.INTAKE_CLIENT, SubjectSource.INTAKE_BUSINESS);
        CaseScreening.Hit hit = hitsOfTarget().get(0);
        assertThat(hit.trigger()).isEqualTo(ScreeningTrigger.INTAKE);

        String taskId = tasks.get(0).getId();
        taskService.setAssignee(taskId, "analyst");
        RunAs.user("analyst", () -> worklist.complete(taskId, Map.of(ScreeningReview.decisionField(hit.id()),
                "FALSE_POSITIVE", ScreeningReview.reasonField(hit.id()), "another person: different country")),
                Role.ANALYST);
        assertThat(reviewTasks()).isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(seller.getReference()).list())
                .as("the seller verification goes on with its document checks").isNotEmpty();
    }

    List<Task> reviewTasks() {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseFile.getReference())
                .taskDefinitionKey(ScreeningProcess.TASK_REVIEW_HITS).list();
    }
}
