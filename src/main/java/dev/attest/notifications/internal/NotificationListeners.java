package dev.attest.notifications.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseErased;
import dev.attest.cases.CaseWorkflow;
import dev.attest.documents.ClientDocumentReceived;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.StaffMailboxes;
import dev.attest.identity.UserDirectory;
import dev.attest.notes.StaffMentioned;
import dev.attest.notifications.NotificationKind;
import dev.attest.notifications.StaffNotification;
import dev.attest.sla.TaskEscalated;
import dev.attest.worklist.TaskAssigned;

/**
 * Writes notifications for what other modules publish, synchronously in the publishing transaction: a rolled-back
 * action leaves no notification. Nobody is told of what they did themselves.
 */
@Component
class NotificationListeners {

    /** Who assigns when automatic assignment gives a task (see {@link TaskAssigned#assignedBy()}). */
    static final String SYSTEM = "system";

    private final StaffNotifications notifications;
    private final CaseWorkflow workflow;
    private final UserDirectory users;
    private final Clock clock;

    NotificationListeners(StaffNotifications notifications, CaseWorkflow workflow, UserDirectory users, Clock clock) {
        this.notifications = notifications;
        this.workflow = workflow;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void mentioned(StaffMentioned mention) {
        String who = name(mention.author());
        for (String recipient : mention.mentioned()) {
            if (!recipient.equals(mention.author())) {
                write(recipient, NotificationKind.MENTION, who + " mentioned you on " + mention.caseReference() + ": "
                        + mention.excerpt(), "cases/" + mention.caseReference(), mention.caseReference());
            }
        }
    }

    @EventListener
    void assigned(TaskAssigned assigned) {
        if (assigned.assignee() == null || assigned.assignee().equals(assigned.assignedBy())) {
            return;
        }
        String by = SYSTEM.equals(assigned.assignedBy()) || assigned.assignedBy() == null ? "Automatic assignment"
                : name(assigned.assignedBy());
        String text = by + " gave you \"" + assigned.taskName() + "\""
                + (assigned.caseReference() == null ? "" : " on " + assigned.caseReference())
                + (assigned.note() == null || assigned.note().isBlank() ? "" : ": " + assigned.note().strip());
        write(assigned.assignee(), NotificationKind.TASK_ASSIGNED, text, "tasks/" + assigned.taskId(),
                assigned.caseReference());
    }

    @EventListener
    void escalated(TaskEscalated escalated) {
        if (escalated.assignee() == null) {
            return;
        }
        write(escalated.assignee(), NotificationKind.TASK_ESCALATED, "\"" + escalated.taskName() + "\""
                + (escalated.caseReference() == null ? "" : " on " + escalated.caseReference()) + " was "
                + escalated.level().whatHappened(), "tasks/" + escalated.taskId(), escalated.caseReference());
    }

    /**
     * Tells whoever holds an open task on the case, and the staff member who asked for the document (while the case
     * waits for the client nobody usually holds a task), each once; the requester only while their account is an
     * enabled analyst's, senior analyst's or manager's.
     */
    @EventListener
    void clientUploaded(ClientDocumentReceived received) {
        Set<String> holders = new LinkedHashSet<>();
        workflow.openTasks(received.caseReference()).stream().map(CaseWorkflow.OpenTask::assignee)
                .filter(Objects::nonNull).forEach(holders::add);
        if (received.requestedBy() != null && !holders.contains(received.requestedBy())
                && users.mayTake(received.requestedBy(), StaffMailboxes.STAFF)) {
            holders.add(received.requestedBy());
        }
        for (String holder : holders) {
            write(holder, NotificationKind.CLIENT_UPLOAD, "The client sent a document ("
                    + received.kind().label() + ", " + received.fileName() + ") on " + received.caseReference(), "cases/" + received.caseReference(),
                    received.caseReference());
        }
    }

    /** A case's notifications go with it when it is erased (their texts may quote its notes). */
    @EventListener
    void erased(CaseErased erased) {
        notifications.deleteAll(notifications.findByCaseReference(erased.caseReference()));
    }

    private void write(String recipient, NotificationKind kind, String text, String link, String caseReference) {
        notifications.save(new StaffNotification(recipient, kind, text, link, caseReference,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /** A user's display name when someone is logged in to read it (the directory answers only them). */
    private String name(String username) {
        return CurrentUser.find().isPresent() ? users.displayName(username) : username;
    }
}
