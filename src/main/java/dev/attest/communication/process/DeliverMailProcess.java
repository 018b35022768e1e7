package dev.attest.communication.process;

/** Names of the DeliverMail process. */
public final class DeliverMailProcess {

    public static final String KEY = "DeliverMail";
    public static final String TASK_SEND = "Task_SendMail";
    /** The outbox message's id (a UUID as text). */
    public static final String MAIL_ID = "mailId";

    private DeliverMailProcess() {
    }
}
