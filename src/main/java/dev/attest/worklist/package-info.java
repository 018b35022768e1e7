/**
 * Worklist: the analysts' task list over the engine's tasks, with claiming, forms and completion, filters saved
 * under a name (each user's own, and team filters managers publish) and the list's CSV export.
 * Who may see, claim and complete which task is decided here, in {@link dev.attest.worklist.Worklist}'s
 * implementation, not in the views.
 */
package dev.attest.worklist;
