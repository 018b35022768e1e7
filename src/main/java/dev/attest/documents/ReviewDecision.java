package dev.attest.documents;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reviewer's decision on a document, as the review form (or the process variables it set) gives it.
 *
 * @param approve whether the document is approved
 * @param reason the main reason of a rejection; {@code null} when none was chosen
 * @param note the note for the client with a rejection (or on an approval, for the record)
 * @param checklist the checklist items ({@link ReviewChecklist}) and whether each was ticked
 * @param override whether the reviewer approves despite open points (unticked items, checks not passed)
 * @param overrideNote why, for the senior analysts
 */
public record ReviewDecision(boolean approve, RejectionReason reason, String note, Map<String, Boolean> checklist,
        boolean override, String overrideNote) {

    /** The form field of the decision: {@code APPROVE} or {@code REJECT}. */
    public static final String DECISION = "decision";
    /** The form field of the rejection's main reason. */
    public static final String REJECTION_REASON = "rejectionReason";
    /** The form field of the note sent to the client with a rejection. */
    public static final String REVIEW_NOTE = "reviewNote";
    /** The form field of an approval despite open points. */
    public static final String OVERRIDE = "override";
    /** The form field of why the reviewer approves despite open points. */
    public static final String OVERRIDE_NOTE = "overrideNote";

    public ReviewDecision {
        checklist = checklist == null ? Map.of() : Map.copyOf(checklist);
    }

    /**
     * The decision in a form's values (strings and booleans, as the form's fields give them). A reason that names
     * no {@link RejectionReason} is read as none.
     */
    public static ReviewDecision of(Map<String, ?> values) {
        Map<String, Boolean> ticked = new LinkedHashMap<>();
        for (String item : ReviewChecklist.ALL_ITEMS) {
            ticked.put(item, Boolean.TRUE.equals(values.get(item)));
        }
        return new ReviewDecision("APPROVE".equals(values.get(DECISION)), reason(values.get(REJECTION_REASON)),
                text(values.get(REVIEW_NOTE)), ticked, Boolean.TRUE.equals(values.get(OVERRIDE)),
                text(values.get(OVERRIDE_NOTE)));
    }

    /** A rejection for one reason, with a note for the client. */
    public static ReviewDecision reject(RejectionReason reason, String note) {
        return new ReviewDecision(false, reason, note, Map.of(), false, null);
    }

    private static RejectionReason reason(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        for (RejectionReason r : RejectionReason.values()) {
            if (r.name().equals(s)) {
                return r;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
