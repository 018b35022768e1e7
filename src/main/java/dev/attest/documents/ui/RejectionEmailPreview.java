package dev.attest.documents.ui;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.attest.documents.DocumentReview;
import dev.attest.documents.ReviewDecision;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.ui.TaskCompletionPreview;

/**
 * Before a document's rejection is completed, the reviewer reads the e-mail the client will get (rendered from the
 * templates as it will go out) and confirms it. A rejection missing its reason or note shows nothing here: the
 * completion names the field to correct.
 */
@Component
class RejectionEmailPreview implements TaskCompletionPreview {

    private final DocumentReview review;

    RejectionEmailPreview(DocumentReview review) {
        this.review = review;
    }

    @Override
    public Confirmation preview(WorkItem task, Map<String, Object> variables, Map<String, Object> values) {
        if (!"Task_ReviewDocument".equals(task.taskKey()) || !(variables.get("documentId") instanceof String id)) {
            return null;
        }
        ReviewDecision decision = ReviewDecision.of(values);
        UUID documentId = UUID.fromString(id);
        if (decision.approve() || !review.problems(documentId, decision).isEmpty()) {
            return null;
        }
        String lastRound = variables.get("round") instanceof Integer round && variables.get("maxRounds") instanceof Integer
                max && round >= max ? "This was the last round allowed: a senior analyst decides first whether the "
                        + "client is asked again. If so, the client gets this e-mail.\n\n" : "";
        return new Confirmation("The client will get this e-mail", lastRound
                + review.previewRejection(documentId, decision.reason(), decision.note()), "Send it and reject");
    }
}
