package dev.attest.communication;

/**
 * The e-mails Attest sends: to clients, and the staff's daily digest. Each has a subject and a plain-text body in
 * {@code src/main/resources/mail/<name>.mustache}, rendered with the values the sender gives.
 */
public enum MailTemplate {

    /** A first request for a document, with the upload link. */
    DOCUMENT_REQUEST("document-request", "{{caseReference}}: please send us a document"),
    /** A document was refused: the reasons and a link for a new one. */
    DOCUMENT_REJECTED("document-rejected", "{{caseReference}}: we could not accept your document"),
    /** The requested document has not arrived: a reminder with a new link. */
    REMINDER("reminder", "{{caseReference}}: reminder, we are still waiting for your document"),
    /** The marketplace reset two-step verification: how to log in and switch to an authenticator app. */
    AUTHENTICATOR_GUIDANCE("authenticator-guidance", "{{caseReference}}: your account access is restored"),
    /** To a staff user: their unread notifications since the last digest, each with a link into Attest. */
    STAFF_DIGEST("staff-digest", "Attest: {{count}} unread notification{{^one}}s{{/one}}");

    private final String resource;
    private final String subject;

    MailTemplate(String resource, String subject) {
        this.resource = resource;
        this.subject = subject;
    }

    /** The body's resource on the class path. */
    public String resource() {
        return "mail/" + resource + ".mustache";
    }

    /** The subject's template. */
    public String subject() {
        return subject;
    }
}
