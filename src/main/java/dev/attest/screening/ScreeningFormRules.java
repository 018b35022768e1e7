package dev.attest.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.attest.identity.CurrentUser;
import dev.attest.screening.process.ScreeningProcess;
import dev.attest.worklist.FormFieldSpec;
import dev.attest.worklist.TaskFormRules;

/**
 * The "Review screening hits" form as it fits the review: a decision ({@code decision_<hit id>}: TRUE_MATCH or
 * FALSE_POSITIVE) and a reason ({@code reason_<hit id>}) for each hit, labelled with the hit's explanation. A
 * completion with a hit undecided or without a reason is refused naming the field, before anything changes.
 */
@Component
class ScreeningFormRules implements TaskFormRules {

    private final ScreeningReview review;

    ScreeningFormRules(ScreeningReview review) {
        this.review = review;
    }

    @Override
    public String taskKey() {
        return ScreeningProcess.TASK_REVIEW_HITS;
    }

    @Override
    public List<FormFieldSpec> fields(List<FormFieldSpec> declared, Map<String, Object> variables) {
        List<FormFieldSpec> fields = new ArrayList<>(declared);
        Long runId = runId(variables);
        if (runId == null) {
            return fields;
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put(HitVerdict.TRUE_MATCH.name(), "True match");
        options.put(HitVerdict.FALSE_POSITIVE.name(), "False positive");
        for (CaseScreening.Hit hit : review.undecided(runId)) {
            fields.add(new FormFieldSpec(ScreeningReview.decisionField(hit.id()), String.format(Locale.ROOT,
                    "%s — %s %s \"%s\" (matched \"%s\", score %.2f): %s", hit.subjectName(), hit.list(),
                    hit.entryId(), hit.entryName(), hit.matchedName(), hit.score(), String.join("; ", hit.reasons())),
                    "enum", true, null, options, null));
            fields.add(new FormFieldSpec(ScreeningReview.reasonField(hit.id()), "Reason for the decision on "
                    + hit.list() + " " + hit.entryId(), "string", true, ScreeningReview.MAX_REASON, Map.of(), null));
        }
        return fields;
    }

    @Override
    public void check(Map<String, Object> values, Map<String, Object> variables) {
        Long runId = runId(variables);
        if (runId != null) {
            review.checkDecisions(runId, values);
        }
    }

    static Long runId(Map<String, Object> variables) {
        return variables.get(ScreeningProcess.RUN_ID) instanceof Number n ? n.longValue() : null;
    }

    /**
     * The "Confirm true match" form: the declared decision and reason; a completion by the analyst who judged the
     * match is refused (four eyes) before anything changes, as the process step refuses it again.
     */
    @Component
    static class ConfirmationRules implements TaskFormRules {

        private final ScreeningReview review;

        ConfirmationRules(ScreeningReview review) {
            this.review = review;
        }

        @Override
        public String taskKey() {
            return ScreeningProcess.TASK_CONFIRM_MATCH;
        }

        @Override
        public List<FormFieldSpec> fields(List<FormFieldSpec> declared, Map<String, Object> variables) {
            return declared;
        }

        @Override
        public void check(Map<String, Object> values, Map<String, Object> variables) {
            Long runId = runId(variables);
            if (runId != null) {
                review.checkConfirmer(runId, CurrentUser.find().map(CurrentUser::username).orElse(null));
            }
        }
    }
}
