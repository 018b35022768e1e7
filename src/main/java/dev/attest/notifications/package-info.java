/**
 * Notifications: each analyst's, senior analyst's and manager's in-app inbox (the bell in the layout). Written by
 * listeners in the transaction of what they tell (a mention in a note, a task given to the user by someone else, an
 * escalation of a task the user holds, a client's upload on a case where the user holds a task), so an action that
 * rolls back tells nobody. Staff accounts have no e-mail address, so there is no e-mail digest.
 */
package dev.attest.notifications;
