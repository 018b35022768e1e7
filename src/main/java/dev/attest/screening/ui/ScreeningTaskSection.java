package dev.attest.screening.ui;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CaseLookup;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.UserDirectory;
import dev.attest.screening.CaseScreening;
import dev.attest.screening.CaseScreenings;
import dev.attest.screening.HitStatus;
import dev.attest.screening.HitVerdict;
import dev.attest.screening.ScreeningReview;
import dev.attest.screening.process.ScreeningProcess;
import dev.attest.ui.Formats;
import dev.attest.worklist.FormFieldSpec;
import dev.attest.worklist.TaskDetails;
import dev.attest.worklist.TaskNotFoundException;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;
import dev.attest.worklist.ui.TaskViewSection;

/**
 * Above the form of the screening tasks, the hits they are about, each with its explanation, in the form's order: in
 * "Review screening hits" the hits the form asks about (its screening run's: the form below has a decision and a
 * reason for each, labelled with the list and the entry id); in "Confirm true match" the case's true matches waiting
 * for the second reviewer with the first reviewer's decision and reason; in the specialist's review the case's
 * confirmed matches. The hits are read through {@link CaseScreenings#forCase} and the form through
 * {@link Worklist#form} (on the task's page, as {@link Worklist#details} read it for the page), which decide who may
 * read them.
 */
@Component
class ScreeningTaskSection implements TaskViewSection {

    private final CaseScreenings screenings;
    private final Worklist worklist;
    private final CaseLookup cases;
    private final UserDirectory users;
    private final ZoneId zone;

    ScreeningTaskSection(CaseScreenings screenings, Worklist worklist, CaseLookup cases, UserDirectory users,
            ZoneId zone) {
        this.screenings = screenings;
        this.worklist = worklist;
        this.cases = cases;
        this.users = users;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 7;
    }

    @Override
    public com.vaadin.flow.component.Component render(WorkItem task, Map<String, Object> variables) {
        return section(task, () -> formFields(task));
    }

    /** On the task's page: the form's fields as the page read them, not read again. */
    @Override
    public com.vaadin.flow.component.Component render(TaskDetails details) {
        return section(details.task(), () -> details.form().stream().map(FormFieldSpec::id)
                .collect(Collectors.toSet()));
    }

    /** @param formFields the ids of the task's form's fields, asked for the review of hits only */
    private com.vaadin.flow.component.Component section(WorkItem task, Supplier<Set<String>> formFields) {
        String key = task.taskKey();
        if (task.caseReference() == null || !(ScreeningProcess.TASK_REVIEW_HITS.equals(key)
                || ScreeningProcess.TASK_CONFIRM_MATCH.equals(key) || ScreeningProcess.TASK_SPECIALIST_REVIEW.equals(key))) {
            return null;
        }
        CaseScreening screening;
        boolean closed;
        try {
            var caseFile = cases.find(task.caseReference());
            if (caseFile.isEmpty()) {
                return null;
            }
            closed = caseFile.get().isClosed();
            screening = screenings.forCase(caseFile.get().getId());
        } catch (AccessDeniedException e) {
            return null;
        }
        Map<Long, CaseScreening.Subject> subjects = screening.subjects().stream()
                .collect(Collectors.toMap(CaseScreening.Subject::id, Function.identity()));
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("task-screening");
        if (ScreeningProcess.TASK_REVIEW_HITS.equals(key)) {
            // the hits the task's form asks about (its screening run's), else the case's undecided ones
            Set<String> fields = formFields.get();
            boolean named = screening.hits().stream().anyMatch(h -> fields.contains(ScreeningReview.decisionField(h.id())));
            List<CaseScreening.Hit> hits = screening.hits().stream()
                    .filter(h -> h.status() == HitStatus.UNDECIDED
                            && (!named || fields.contains(ScreeningReview.decisionField(h.id()))))
                    .sorted(Comparator.comparingLong(CaseScreening.Hit::id)).toList();
            section.add(new H3("Potential hits to decide (" + hits.size() + ")"), intro(hits.isEmpty()
                    ? "No hit of this case waits for a decision any more."
                    : "Decide each hit in the form below: a true match or a false positive, with a reason. A false"
                            + " positive is remembered and not raised again while the list entry stays the same; a"
                            + " true match goes to a second senior analyst."));
            section.add(hitList(hits, subjects, closed, null));
        } else if (ScreeningProcess.TASK_CONFIRM_MATCH.equals(key)) {
            List<CaseScreening.Hit> hits = screening.hits().stream()
                    .filter(h -> h.status() == HitStatus.AWAITING_CONFIRMATION)
                    .sorted(Comparator.comparingLong(CaseScreening.Hit::id)).toList();
            section.add(new H3("True matches to confirm (" + hits.size() + ")"), intro(hits.isEmpty()
                    ? "No true match of this case waits for confirmation any more."
                    : "Confirm the analyst's decision (the case goes to the specialist) or overturn it (a false"
                            + " positive, remembered). Four eyes: never your own decision."));
            section.add(hitList(hits, subjects, closed, CurrentUser.require().username()));
        } else {
            List<CaseScreening.Hit> hits = screening.hits().stream()
                    .filter(h -> h.status() == HitStatus.TRUE_MATCH).toList();
            section.add(new H3("Confirmed sanctions matches (" + hits.size() + ")"));
            section.add(hitList(hits, subjects, closed, null));
        }
        return section;
    }

    /** The ids of the review form's fields (a hit's decision field is {@link ScreeningReview#decisionField}). */
    private Set<String> formFields(WorkItem task) {
        try {
            return worklist.form(task.id()).stream().map(FormFieldSpec::id).collect(Collectors.toSet());
        } catch (TaskNotFoundException | AccessDeniedException e) {
            return Set.of();
        }
    }

    private static Paragraph intro(String text) {
        Paragraph p = new Paragraph(text);
        p.setId("task-screening-intro");
        return p;
    }

    /** The hits with their explanation and, once decided, the decision; {@code me} marks my own decisions. */
    private Div hitList(List<CaseScreening.Hit> hits, Map<Long, CaseScreening.Subject> subjects, boolean closed,
            String me) {
        Div list = new Div();
        list.addClassName("screening-hits");
        for (CaseScreening.Hit hit : hits) {
            HitPanel panel = new HitPanel(hit, subjects.get(hit.subjectId()), zone, closed);
            CaseScreening.Decision d = hit.decision();
            if (d != null) {
                Div decision = new Div();
                decision.addClassName("screening-hit-decision");
                decision.setText((d.verdict() == HitVerdict.TRUE_MATCH ? "Judged a true match" : "Judged a false positive")
                        + " by " + users.displayName(d.decidedBy()) + ", " + Formats.dateTime(d.decidedAt(), zone)
                        + ": " + d.reason());
                panel.add(decision);
                if (d.confirmation() != null) {
                    Div confirmation = new Div();
                    confirmation.addClassName("screening-hit-decision");
                    confirmation.setText((d.confirmation().confirmed() ? "Confirmed" : "Overturned") + " by "
                            + users.displayName(d.confirmation().by()) + ", "
                            + Formats.dateTime(d.confirmation().at(), zone) + ": " + d.confirmation().reason());
                    panel.add(confirmation);
                }
                if (me != null && me.equals(d.decidedBy())) {
                    Paragraph own = new Paragraph("You took this decision: a different senior analyst has to"
                            + " confirm or overturn it.");
                    own.addClassName("screening-hit-own");
                    panel.add(own);
                }
            }
            list.add(panel);
        }
        return list;
    }
}
