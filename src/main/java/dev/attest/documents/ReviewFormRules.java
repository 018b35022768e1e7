package dev.attest.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.attest.documents.internal.StoredDocuments;
import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.FormFieldSpec;
import dev.attest.worklist.TaskFormRules;

/**
 * The document review's form as it fits the document: the checklist items of its kind (a passport's asks for no
 * address), the decision, the reason and the note, and the override an approval with open points needs. A completion
 * is refused, naming the field, as {@link DocumentReview#problems} says, before anything changes.
 */
@Component
class ReviewFormRules implements TaskFormRules {

    static final String TASK_REVIEW_DOCUMENT = "Task_ReviewDocument";
    /** The longest note for the client: what fits the request's record with the reasons' sentences. */
    static final int MAX_CLIENT_NOTE = 1200;

    private final DocumentReview review;
    private final StoredDocuments documents;

    ReviewFormRules(DocumentReview review, StoredDocuments documents) {
        this.review = review;
        this.documents = documents;
    }

    @Override
    public String taskKey() {
        return TASK_REVIEW_DOCUMENT;
    }

    @Override
    public List<FormFieldSpec> fields(List<FormFieldSpec> declared, Map<String, Object> variables) {
        StoredDocument document = document(variables);
        if (document == null) {
            return declared;
        }
        Map<String, String> items = new LinkedHashMap<>();
        ReviewChecklist.itemsFor(document.getKind()).forEach(i -> items.put(i.id(), i.label()));
        List<FormFieldSpec> fields = new ArrayList<>();
        for (FormFieldSpec f : declared) {
            if (ReviewChecklist.ALL_ITEMS.contains(f.id())) {
                if (items.containsKey(f.id())) {
                    fields.add(new FormFieldSpec(f.id(), items.get(f.id()), f.type(), false, null, Map.of(),
                            f.defaultValue()));
                }
            } else if (ReviewDecision.REJECTION_REASON.equals(f.id())) {
                fields.add(new FormFieldSpec(f.id(), "Main reason for a rejection (required to reject)", f.type(),
                        false, null, f.options(), f.defaultValue()));
            } else if (ReviewDecision.REVIEW_NOTE.equals(f.id())) {
                fields.add(new FormFieldSpec(f.id(), "Note for the client, sent with a rejection (required for "
                        + "\"Other\")", f.type(), false, MAX_CLIENT_NOTE, Map.of(), f.defaultValue()));
            } else {
                fields.add(f);
            }
        }
        fields.add(new FormFieldSpec(ReviewDecision.OVERRIDE, "Approve despite open points (unticked items, checks "
                + "not passed)", "boolean", false, null, Map.of(), null));
        fields.add(new FormFieldSpec(ReviewDecision.OVERRIDE_NOTE, "Why you approve despite them (senior analysts "
                + "see it)", "string", false, 2000, Map.of(), null));
        return fields;
    }

    @Override
    public void check(Map<String, Object> values, Map<String, Object> variables) {
        StoredDocument document = document(variables);
        if (document == null) {
            return; // the process step refuses a review of no document
        }
        var problems = review.problems(document.getId(), ReviewDecision.of(values));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private StoredDocument document(Map<String, Object> variables) {
        try {
            return variables.get("documentId") instanceof String id ? documents.findById(UUID.fromString(id))
                    .orElse(null) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
