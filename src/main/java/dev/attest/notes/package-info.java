/**
 * Notes on a case: plain text staff write on a case (from the case or one of its tasks), with {@code @username}
 * mentions of staff who are then told ({@link dev.attest.notes.StaffMentioned}). The author may correct a note for
 * {@value dev.attest.notes.Notes#EDIT_MINUTES} minutes; a note is never deleted and every version is kept (until
 * the case is erased after its retention period). Notes are on the case's timeline and found by the case search,
 * for the staff who may read them: analysts, senior analysts and managers.
 */
package dev.attest.notes;
