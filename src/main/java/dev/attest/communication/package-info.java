/**
 * Communication with the client, who never logs in: e-mails from templates kept in an outbox (sent over SMTP
 * by every node's mail relay, with retries, when SMTP is configured; held for staff in the case view otherwise) and
 * single-use upload links for the documents the process asks for. Staff get one e-mail of their own through the same
 * outbox: the daily digest of their unread notifications ({@link StaffMessages}).
 */
package dev.attest.communication;
