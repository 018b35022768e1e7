package dev.attest.worklist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseType;
import dev.attest.cases.Priority;
import dev.attest.identity.StaffMember;
import dev.attest.validation.InvalidInputException;

/**
 * {@code /api/v1/tasks}: list, claim, assign, snooze and complete tasks. Roles: ANALYST, SENIOR_ANALYST, MANAGER.
 */
@RestController
@RequestMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tasks")
class TaskController {

    private static final int MAX_PAGE = 200;

    private final Worklist worklist;
    private final CaseLookup cases;

    private final SavedFilters savedFilters;

    TaskController(Worklist worklist, CaseLookup cases, SavedFilters savedFilters) {
        this.worklist = worklist;
        this.cases = cases;
        this.savedFilters = savedFilters;
    }

    static final String FILTERS = "Filters: scope MINE (default; without the snoozed ones), SNOOZED (mine with a "
            + "follow-up date after now), GROUP (unclaimed tasks of my groups) or ALL (managers); caseType (SELLER_VERIFICATION, ACCOUNT_RECOVERY_2FA); q (task name, case reference or "
            + "client, at most 200 characters); escalated=true (only tasks escalated past their due date); dueFrom and "
            + "dueTo (dates, inclusive, in Attest's zone); priority (LOW, NORMAL, HIGH, URGENT: the case's); assignee "
            + "(a user name, with scope ALL only); followUp (INCLUDE_SNOOZED, HIDE_SNOOZED, SNOOZED_ONLY: tasks whose "
            + "follow-up date is still ahead). filter={id} applies a saved filter (GET /api/v1/task-filters); "
            + "parameters given beside it replace its fields. A bad value is a 400 naming the parameter.";

    @GetMapping
    @Operation(summary = "List tasks", description = FILTERS + " Ordered by priority, then due date. "
            + "With caseId (id or reference), the open tasks of that case that the caller may see.")
    @ApiResponse(responseCode = "400", description = "A filter parameter is invalid (named)")
    @ApiResponse(responseCode = "404", description = "No saved filter with that id that the caller may see")
    List<WorkItem> list(@RequestParam(required = false) String caseId,
            @RequestParam(name = "filter", required = false) Long savedFilter,
            @RequestParam(required = false) TaskFilter.Scope scope,
            @RequestParam(required = false) CaseType caseType,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean escalated,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) TaskFilter.FollowUp followUp,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        int size = Math.min(Math.max(limit, 1), MAX_PAGE);
        if (caseId != null) {
            return cases.openTasks(cases.get(caseId)).stream().map(t -> visible(t.id())).filter(t -> t != null).toList();
        }
        TaskFilter filter = filter(savedFilters, savedFilter, scope, caseType, q, escalated, dueFrom, dueTo, priority, assignee,
                followUp);
        return worklist.page(filter, Math.max(0, offset), size);
    }

    /** A saved filter (when given) with the parameters given beside it in place of its fields; checked whole. */
    static TaskFilter filter(SavedFilters savedFilters, Long savedFilter, TaskFilter.Scope scope, CaseType caseType, String q, Boolean escalated,
            LocalDate dueFrom, LocalDate dueTo, Priority priority, String assignee, TaskFilter.FollowUp followUp) {
        TaskFilter f = savedFilter == null ? TaskFilter.of(TaskFilter.Scope.MINE) : savedFilters.get(savedFilter).filter();
        if (scope != null) {
            f = f.withScope(scope);
        }
        if (caseType != null) {
            f = f.withCaseType(caseType);
        }
        if (q != null) {
            f = f.withText(q);
        }
        if (escalated != null) {
            f = f.withEscalatedOnly(escalated);
        }
        if (dueFrom != null || dueTo != null) {
            f = f.withDue(dueFrom != null ? dueFrom : f.dueFrom(), dueTo != null ? dueTo : f.dueTo());
        }
        if (priority != null) {
            f = f.withPriority(priority);
        }
        if (assignee != null) {
            f = f.withAssignee(assignee);
        }
        if (followUp != null) {
            f = f.withFollowUp(followUp);
        }
        return f.validate();
    }

    private WorkItem visible(String taskId) {
        try {
            return worklist.get(taskId);
        } catch (TaskNotFoundException e) {
            return null;
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task")
    WorkItem get(@PathVariable String id) {
        return worklist.get(id);
    }

    @GetMapping("/{id}/form")
    @Operation(summary = "The fields of the task's form")
    List<FormFieldSpec> form(@PathVariable String id) {
        return worklist.form(id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a task")
    @ApiResponse(responseCode = "204", description = "Claimed (or already held by the caller)")
    @ApiResponse(responseCode = "409", description = "Someone else holds it")
    ResponseEntity<Void> claim(@PathVariable String id) {
        worklist.claim(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give a held task back to its groups")
    ResponseEntity<Void> unclaim(@PathVariable String id) {
        worklist.unclaim(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete a task held by the caller with its form's fields", description = "The fields are "
            + "those GET /{id}/form lists. A document review (taskKey Task_ReviewDocument) is also refused, naming "
            + "the field: a REJECT without rejectionReason; rejectionReason OTHER without reviewNote (sent to the "
            + "client); an APPROVE with a checklist item of the document's kind unticked or a check not passed "
            + "(NEEDS_REVIEW or FAIL) without override=true (field override) or without overrideNote (field "
            + "overrideNote). An override is stored with the decision and audited.")
    @ApiResponse(responseCode = "204", description = "Completed; the case moved on")
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid, or a review's decision is "
            + "incomplete (field named); nothing changed")
    @ApiResponse(responseCode = "403", description = "The caller does not hold the task")
    @ApiResponse(responseCode = "409", description = "The task ended meanwhile, or its case is closed; nothing changed")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
        worklist.complete(id, values);
        return ResponseEntity.noContent().build();
    }

    /**
     * A task given to a named user or back to its groups.
     *
     * @param assignee the user name, or {@code null} for its groups
     * @param note why (required for an analyst's hand-over; at most 1000 characters)
     */
    record AssigneeRequest(String assignee, String note) {
    }

    /**
     * Several tasks given to one user or back to their groups.
     *
     * @param taskIds the tasks (1 to 200)
     * @param assignee the user name, or {@code null} for their groups
     * @param note why, optional
     */
    record BulkAssignment(List<String> taskIds, String assignee, String note) {
    }

    /**
     * A task snoozed until a day.
     *
     * @param followUp the day it comes back to "My tasks" (ISO date, attest.zone), or {@code null} to clear
     */
    record FollowUpRequest(LocalDate followUp) {
    }

    @PutMapping(path = "/{id}/assignee", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give a task to a named user, or back to its groups (audited)", description = """
            Body: {"assignee": "analyst", "note": "…"} or {"assignee": null}. A senior analyst or manager may give \
            any task they see to a user who may work it (an enabled account with a role of one of the task's \
            candidate groups, not away), also one someone else holds; an analyst may hand a task they hold to such \
            a user with a note (required), or give it back. The new holder is notified. Four-eyes rules still \
            apply when the task is completed.""")
    @ApiResponse(responseCode = "204", description = "Given (or it was already there)")
    @ApiResponse(responseCode = "400", description = "Field assignee: the user may not work the task, is disabled or "
            + "is away (\"X is away until …\"); field note: missing for a hand-over, or too long")
    @ApiResponse(responseCode = "403", description = "The caller's role may not give this task to someone")
    @ApiResponse(responseCode = "404", description = "No such task, or not one the caller may see")
    @ApiResponse(responseCode = "409", description = "It ended, or someone claimed or assigned it at the same moment")
    ResponseEntity<Void> assign(@PathVariable String id, @RequestBody AssigneeRequest body) {
        worklist.assign(id, body == null ? null : body.assignee(), body == null ? null : body.note());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/assignments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give several tasks to one user, or back to their groups (audited per task)", description = """
            Body: {"taskIds": [...], "assignee": "analyst" or null, "note": optional}. Each task is done on its own, \
            as PUT /{id}/assignee: the answer is 200 with one result per task (id, status, message), status 200 \
            done, 400 the assignee may not take it, 403 the caller's role may not, 404 no such task, 409 it ended \
            or changed meanwhile; the others are done. 400 for no task or more than 200.""")
    List<AssignmentResult> assignAll(@RequestBody BulkAssignment body) {
        return worklist.assignAll(body == null ? null : body.taskIds(), body == null ? null : body.assignee(),
                body == null ? null : body.note());
    }

    @GetMapping("/candidates")
    @Operation(summary = "The users who may be given every one of these tasks (all staff without taskId), by user "
            + "name, those away marked with their last day away (awayUntil)")
    List<StaffMember> candidates(@RequestParam(name = "taskId", required = false) List<String> taskIds) {
        if (taskIds != null && taskIds.size() > 200) {
            throw new InvalidInputException("taskId", "at most 200 tasks at once");
        }
        return worklist.candidates(taskIds == null ? List.of() : taskIds);
    }

    @PutMapping(path = "/{id}/follow-up", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Snooze a task until a day, or clear it (audited)", description = """
            Body: {"followUp": "2026-12-10"} or {"followUp": null}. The task leaves "My tasks" (scope MINE) until \
            the start of that day in attest.zone and then comes back by itself; meanwhile it is listed under scope \
            SNOOZED. The day must be after today and at most a year ahead.""")
    @ApiResponse(responseCode = "204", description = "Set")
    @ApiResponse(responseCode = "400", description = "Field followUp: not after today, or more than a year ahead")
    @ApiResponse(responseCode = "403", description = "Someone else holds it and the caller is an analyst")
    ResponseEntity<Void> followUp(@PathVariable String id, @RequestBody FollowUpRequest body) {
        worklist.followUp(id, body == null ? null : body.followUp());
        return ResponseEntity.noContent().build();
    }
}
