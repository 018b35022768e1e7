package dev.attest.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.attest.cases.CaseType;
import dev.attest.cases.Priority;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidInputException;
import dev.attest.validation.Text;

/**
 * Which tasks a list shows. A field left {@code null} (or blank, or {@code false}) does not filter. Build one with
 * {@link #of(Scope)} and the {@code with…} methods.
 *
 * @param scope mine, my groups' unclaimed tasks, or all open tasks (managers)
 * @param caseType only tasks of cases of this type, or all when {@code null}
 * @param text only tasks whose name, case reference or client matches, or all when blank
 * @param escalatedOnly only tasks escalated for running late (offered to senior analysts or managers)
 * @param dueFrom only tasks due on or after this day (in Attest's zone)
 * @param dueTo only tasks due on or before this day (in Attest's zone)
 * @param priority only tasks of cases of this priority
 * @param assignee only tasks held by this user (with scope {@link Scope#ALL} only)
 * @param followUp snoozed tasks (follow-up date still ahead) included, hidden or alone; {@code null}: as the scope
 *        shows them
 */
public record TaskFilter(Scope scope, CaseType caseType, String text, boolean escalatedOnly, LocalDate dueFrom,
        LocalDate dueTo, Priority priority, String assignee, FollowUp followUp) {

    /** The longest search text accepted. */
    public static final int MAX_TEXT = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    public TaskFilter {
        scope = scope == null ? Scope.MINE : scope;
        text = text == null || text.isBlank() ? null : text.strip();
        assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
    }

    public TaskFilter(Scope scope, CaseType caseType, String text, boolean escalatedOnly) {
        this(scope, caseType, text, escalatedOnly, null, null, null, null, null);
    }

    public TaskFilter(Scope scope, CaseType caseType, String text) {
        this(scope, caseType, text, false);
    }

    /** The tabs of the task list. */
    public enum Scope {
        /** Tasks assigned to me, except those snoozed until a later day. */
        MINE,
        /** Tasks assigned to me that are snoozed until a later day (they come back to MINE by themselves). */
        SNOOZED,
        /** Unclaimed tasks of the candidate groups of my roles. */
        GROUP,
        /** Every open task (managers only). */
        ALL
    }

    /** What a list does with snoozed tasks: those whose follow-up date is still ahead. */
    public enum FollowUp {
        /** Snoozed tasks too. */
        INCLUDE_SNOOZED("Snoozed included"),
        /** No snoozed task. */
        HIDE_SNOOZED("Snoozed hidden"),
        /** Only snoozed tasks. */
        SNOOZED_ONLY("Snoozed only");

        private final String label;

        FollowUp(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static TaskFilter of(Scope scope) {
        return new TaskFilter(scope, null, null, false);
    }

    public TaskFilter withScope(Scope value) {
        return new TaskFilter(value, caseType, text, escalatedOnly, dueFrom, dueTo, priority, assignee, followUp);
    }

    public TaskFilter withCaseType(CaseType value) {
        return new TaskFilter(scope, value, text, escalatedOnly, dueFrom, dueTo, priority, assignee, followUp);
    }

    public TaskFilter withText(String value) {
        return new TaskFilter(scope, caseType, value, escalatedOnly, dueFrom, dueTo, priority, assignee, followUp);
    }

    public TaskFilter withEscalatedOnly(boolean value) {
        return new TaskFilter(scope, caseType, text, value, dueFrom, dueTo, priority, assignee, followUp);
    }

    public TaskFilter withDue(LocalDate from, LocalDate to) {
        return new TaskFilter(scope, caseType, text, escalatedOnly, from, to, priority, assignee, followUp);
    }

    public TaskFilter withPriority(Priority value) {
        return new TaskFilter(scope, caseType, text, escalatedOnly, dueFrom, dueTo, value, assignee, followUp);
    }

    public TaskFilter withAssignee(String value) {
        return new TaskFilter(scope, caseType, text, escalatedOnly, dueFrom, dueTo, priority, value, followUp);
    }

    public TaskFilter withFollowUp(FollowUp value) {
        return new TaskFilter(scope, caseType, text, escalatedOnly, dueFrom, dueTo, priority, assignee, value);
    }

    /**
     * Checks the filter as a whole before it is run or saved.
     *
     * @throws InvalidInputException naming every bad field ({@code q} for the text)
     */
    public TaskFilter validate() {
        List<FieldError> errors = new ArrayList<>();
        if (text != null && (text.length() > MAX_TEXT || text.chars().anyMatch(c -> Character.isISOControl(c)
                || Text.isInvisible((char) c)))) {
            errors.add(new FieldError("q", "must be at most " + MAX_TEXT + " characters, without control characters "
                    + "or invisible formatting"));
        }
        if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
            errors.add(new FieldError("dueTo", "must not be before dueFrom"));
        }
        if (assignee != null) {
            if (!USERNAME.matcher(assignee).matches()) {
                errors.add(new FieldError("assignee", "is not a user name"));
            } else if (scope != Scope.ALL) {
                errors.add(new FieldError("assignee", "filters only with scope ALL (my tasks are mine, group tasks "
                        + "are unclaimed)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return this;
    }

    /** The filter in words, for the audit trail and the saved-filter bar ("ALL, type …, text "…"). */
    public String describe() {
        StringBuilder s = new StringBuilder("scope ").append(scope);
        if (caseType != null) {
            s.append(", case type ").append(caseType);
        }
        if (text != null) {
            s.append(", text \"").append(text).append('"');
        }
        if (escalatedOnly) {
            s.append(", escalated only");
        }
        if (dueFrom != null) {
            s.append(", due from ").append(dueFrom);
        }
        if (dueTo != null) {
            s.append(", due to ").append(dueTo);
        }
        if (priority != null) {
            s.append(", priority ").append(priority);
        }
        if (assignee != null) {
            s.append(", assignee ").append(assignee);
        }
        if (followUp != null) {
            s.append(", ").append(followUp.label().toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }
}
