package dev.attest.worklist.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import dev.attest.cases.CaseLookup;
import dev.attest.cases.ui.CaseSummary;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;
import dev.attest.validation.InvalidInputException;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.TaskDetails;
import dev.attest.worklist.TaskNotFoundException;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/** One task: what to do, the case it belongs to, and its form. Completing it moves the case on. */
@Route("tasks/:taskId")
@RolesAllowed({Role.Names.ANALYST, Role.Names.SENIOR_ANALYST, Role.Names.MANAGER})
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Worklist worklist;
    private final CaseLookup cases;
    private final List<TaskViewSection> sections;
    private final List<TaskCompletionPreview> previews;
    private final ZoneId zone;
    private WorkItem task;
    private Map<String, Object> variables = Map.of();
    /** The confirmation shown before completing, while open. */
    Dialog confirmation;
    private String title = "Task";
    private String taskId;
    TaskFormPanel form;
    Button complete;
    Button claim;

    private final Clock clock;

    public TaskView(Worklist worklist, CaseLookup cases, List<TaskViewSection> sections,
            List<TaskCompletionPreview> previews, ZoneId zone, Clock clock) {
        this.clock = clock;
        this.worklist = worklist;
        this.previews = previews;
        this.sections = sections;
        this.cases = cases;
        this.zone = zone;
        setMaxWidth("70em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse("");
        render();
    }

    private void render() {
        removeAll();
        TaskDetails details;
        try {
            // the task, its variables and its form in one read: once per page open (and after each action)
            details = worklist.details(taskId);
        } catch (TaskNotFoundException e) {
            title = "No such task";
            add(new H2("This task is no longer open"),
                    new Paragraph("It was completed, or it is not one you may see. Back to the task list."),
                    new Button("Task list", ev -> getUI().ifPresent(ui -> ui.navigate(""))));
            return;
        }
        task = details.task();
        variables = details.variables();
        title = task.name() + " · Attest";
        H2 heading = new H2(task.name());
        heading.setId("task-name");
        add(heading, status(task));
        if (task.description() != null) {
            add(new Paragraph(task.description()));
        }
        if (task.caseReference() != null) {
            cases.find(task.caseReference()).ifPresent(c -> {
                Details summary = new Details("Case " + c.getReference(), new CaseSummary(c, zone));
                summary.setOpened(!"Task_ReviewDocument".equals(task.taskKey()));
                summary.setId("task-case");
                summary.setWidthFull();
                add(summary);
            });
        }
        sections.stream().sorted(Comparator.comparingInt(TaskViewSection::order))
                .map(section -> section.render(details)).filter(Objects::nonNull).forEach(this::add);
        boolean mine = CurrentUser.require().username().equals(task.assignee());
        form = new TaskFormPanel(details.form(), LocalDate.now(clock.withZone(zone)));
        form.setReadOnly(!mine);
        complete = new Button("Complete", e -> complete());
        complete.setId("complete-task");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        complete.setEnabled(mine);
        add(form, complete);
    }

    private HorizontalLayout status(WorkItem task) {
        CurrentUser me = CurrentUser.require();
        HorizontalLayout status = new HorizontalLayout();
        status.setAlignItems(Alignment.BASELINE);
        Span due = new Span("Due " + Formats.dateTime(task.due(), zone));
        if (task.assignee() == null) {
            status.add(new Span("Unclaimed."), due);
            claim = new Button("Claim", e -> claim());
            claim.setId("claim-task");
            claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            status.add(claim);
        } else if (me.username().equals(task.assignee())) {
            status.add(new Span("You hold this task."), due);
            Button unclaim = new Button("Unclaim", e -> {
                worklist.unclaim(taskId);
                render();
            });
            unclaim.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            status.add(unclaim, new FollowUpControl(worklist, task, LocalDate.now(clock.withZone(zone)),
                    this::render));
        } else {
            status.add(new Span("Held by " + task.assigneeName() + "."), due);
        }
        return status;
    }

    void claim() {
        try {
            worklist.claim(taskId);
        } catch (TaskConflictException | TaskNotFoundException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        render();
    }

    /** Completes the task, after the user confirmed what a module asks them to read first (a client's e-mail). */
    void complete() {
        Map<String, Object> values = form.values();
        for (TaskCompletionPreview preview : previews) {
            TaskCompletionPreview.Confirmation c = preview.preview(task, variables, values);
            if (c != null) {
                confirm(c);
                return;
            }
        }
        completeNow();
    }

    private void confirm(TaskCompletionPreview.Confirmation c) {
        confirmation = new Dialog();
        confirmation.setHeaderTitle(c.title());
        Pre text = new Pre(c.text());
        text.setId("completion-preview");
        text.getStyle().set("white-space", "pre-wrap");
        confirmation.add(text);
        Button send = new Button(c.confirm(), e -> {
            confirmation.close();
            completeNow();
        });
        send.setId("confirm-complete");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button("Back to the form", e -> confirmation.close());
        back.setId("cancel-complete");
        confirmation.getFooter().add(back, send);
        confirmation.setWidth("44em");
        confirmation.open();
    }

    void completeNow() {
        try {
            worklist.complete(taskId, form.values());
            notify("Task completed; the case moved on.", NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (InvalidInputException e) {
            form.showErrors(e.errors());
            notify("Please correct the marked fields.", NotificationVariant.LUMO_ERROR);
        } catch (TaskConflictException | TaskNotFoundException | AccessDeniedException e) {
            // includes a task held by someone else and the four-eyes rule of approvals
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            render();
        }
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
