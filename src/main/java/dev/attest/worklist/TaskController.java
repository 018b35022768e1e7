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

/** {@code /api/v1/tasks}: list, claim and complete tasks. Roles: ANALYST, SENIOR_ANALYST, MANAGER. */
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

    static final String FILTERS = "Filters: scope MINE (default), GROUP (unclaimed tasks of my groups) or ALL "
            + "(managers); caseType (SELLER_VERIFICATION, ACCOUNT_RECOVERY_2FA); q (task name, case reference or "
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
}
