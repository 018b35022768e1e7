/**
 * Notifications: each analyst's, senior analyst's and manager's in-app inbox (the bell in the layout). Written by
 * listeners in the transaction of what they tell (a mention in a note, a task given to the user by someone else, an
 * escalation of a task the user holds, a client's upload on a case where the user holds a task or of a document the
 * user asked for), so an action that rolls back tells nobody. When {@code attest.notifications.digest.enabled}, users
 * whose account has an e-mail address get a daily digest of what they have not read through the outbox
 * ({@link dev.attest.notifications.DigestSettings}).
 */
package dev.attest.notifications;
