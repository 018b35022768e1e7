package dev.attest.documents;

import org.springframework.stereotype.Component;

import dev.attest.cases.CaseLookup;
import dev.attest.validation.InvalidInputException;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;
import dev.attest.worklist.TaskNotFoundException;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/**
 * The "why" of a document read through the API, as the audit trail records it: either a task of the document's
 * case that the reader may see (checked through the worklist, which applies the same visibility as the task list:
 * assignee, candidate groups, managers), recorded as {@code task <id> (<name>)}; or the reader's own statement,
 * one line of at most {@value #MAX_STATEMENT} characters without control or invisible characters, recorded as
 * {@code stated by reader: <text>} so that nobody takes it for a checked fact. Bad input is a 400 naming the
 * parameter; nothing is read.
 */
@Component
class ReadReasons {

    static final int MAX_STATEMENT = 160;
    static final String UNSTATED = "API download (no reason given)";

    private final Worklist worklist;
    private final CaseLookup cases;

    ReadReasons(Worklist worklist, CaseLookup cases) {
        this.worklist = worklist;
        this.cases = cases;
    }

    String of(String caseIdOrReference, String taskId, String statement) {
        boolean task = taskId != null && !taskId.isBlank();
        boolean stated = statement != null && !statement.isBlank();
        if (task && stated) {
            throw new InvalidInputException("reason", "give either taskId or reason, not both");
        }
        if (task) {
            return "task " + visibleTask(caseIdOrReference, taskId);
        }
        if (stated) {
            return "stated by reader: " + statementOf(statement);
        }
        return UNSTATED;
    }

    private String visibleTask(String caseIdOrReference, String taskId) {
        String id = taskId.strip();
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new InvalidInputException("taskId", "is not a task id");
        }
        WorkItem item;
        try {
            item = worklist.get(id);
        } catch (TaskNotFoundException e) {
            throw new InvalidInputException("taskId", "is not an open task you may see");
        }
        String reference = cases.get(caseIdOrReference).getReference();
        if (item.caseReference() == null || !item.caseReference().equals(reference)) {
            throw new InvalidInputException("taskId", "is a task of another case");
        }
        String name = item.name() == null ? "" : item.name().replaceAll("\\p{Cntrl}", " ").strip();
        return item.id() + " (" + (name.length() > 80 ? name.substring(0, 79) + "…" : name) + ")";
    }

    private static String statementOf(String statement) {
        String line;
        try {
            line = Text.requiredLine(statement, MAX_STATEMENT);
        } catch (InvalidValueException e) {
            throw new InvalidInputException("reason", e.getMessage());
        }
        if (line.chars().anyMatch(c -> Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            throw new InvalidInputException("reason", "must be a single line");
        }
        return line;
    }
}
