package dev.attest.notes;

import java.util.List;
import java.util.UUID;

/**
 * Staff were mentioned ({@code @username}) in a note, published in the transaction that wrote it: on a new note
 * everyone it mentions but its author, on an edit only those the earlier version did not mention.
 *
 * @param noteId the note
 * @param caseId the case's public id
 * @param caseReference the case's reference
 * @param author who wrote the note
 * @param mentioned the user names of the staff mentioned (existing, enabled accounts of analysts, senior analysts or
 *        managers)
 * @param excerpt the beginning of the note's text, for the notification
 */
public record StaffMentioned(UUID noteId, UUID caseId, String caseReference, String author, List<String> mentioned,
        String excerpt) {
}
