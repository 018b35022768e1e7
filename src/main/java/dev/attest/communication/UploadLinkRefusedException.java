package dev.attest.communication;

/**
 * An upload link that is unknown, expired, used or replaced by a newer one. The message says nothing about
 * the case, so that it can be shown to whoever holds the link.
 */
public class UploadLinkRefusedException extends RuntimeException {

    public UploadLinkRefusedException() {
        super("This upload link is not valid. It may have expired, been used already or been replaced by a newer "
                + "one. Please use the link in our latest e-mail, or reply to it for a new link.");
    }
}
