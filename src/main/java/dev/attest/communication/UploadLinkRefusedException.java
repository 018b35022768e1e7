package dev.attest.communication;

/**
 * An upload link, or one of its slots, that cannot take a document. The message says nothing about the case, so
 * that it can be shown to whoever holds the link.
 */
public class UploadLinkRefusedException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** Unknown, expired, used up or replaced by a newer link. */
        LINK_NOT_VALID("This upload link is not valid. It may have expired, been used already or been replaced by a "
                + "newer one. Please use the link in our latest e-mail, or reply to it for a new link."),
        /** The item asked for was received already: a slot is filled once. */
        ALREADY_RECEIVED("We have already received this item, so nothing more was stored for it. If you sent the "
                + "wrong file, please reply to our e-mail."),
        /** The item is no longer asked for through this link (a newer e-mail asks for it). */
        REPLACED("This item is now asked for in a newer e-mail. Please use the link in our latest e-mail."),
        /** The link asks for no such item. */
        NOT_REQUESTED("This link does not ask for that item.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public UploadLinkRefusedException() {
        this(Reason.LINK_NOT_VALID);
    }

    public UploadLinkRefusedException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
