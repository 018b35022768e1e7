package dev.attest.worklist;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/task-filters}: saved task-list filters. Roles: ANALYST, SENIOR_ANALYST, MANAGER; team filters are
 * published and deleted by managers only.
 */
@RestController
@RequestMapping(path = "/api/v1/task-filters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Task filters")
class TaskFilterController {

    private final SavedFilters filters;

    TaskFilterController(SavedFilters filters) {
        this.filters = filters;
    }

    /**
     * A filter to save.
     *
     * @param name its name, 1 to 80 characters, unique among the caller's filters (and among team filters)
     * @param team publish it to all staff (managers only)
     * @param filter the filter's fields, as the task list's parameters: scope, caseType, text, escalatedOnly,
     *        dueFrom, dueTo, priority, assignee, followUp
     */
    record SaveRequest(String name, boolean team, TaskFilter filter) {
    }

    @GetMapping
    @Operation(summary = "My saved filters and the team's, with counts", description = "Team filters first. Each "
            + "count is the number of tasks the filter lists for the caller, counted up to attest.worklist."
            + "filter-count-cap (default 1000): count.more=true means more than count.count (shown as \"1000+\"). "
            + "count is null for a team filter the caller may not run (scope ALL, for someone not a manager).")
    List<SavedFilter> list() {
        return filters.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a filter under a name", description = "{\"name\": \"Urgent 2FA\", \"team\": false, "
            + "\"filter\": {\"scope\": \"GROUP\", \"caseType\": \"ACCOUNT_RECOVERY_2FA\", \"priority\": \"URGENT\"}}. "
            + "Apply it with GET /api/v1/tasks?filter={id}. Audited (TASK_FILTER_SAVED).")
    @ApiResponse(responseCode = "201", description = "Saved; the answer has its id and count")
    @ApiResponse(responseCode = "400", description = "Invalid input, the field named (name missing, too long or "
            + "taken, too many filters; filter.scope ALL for someone not a manager; filter.dueTo before dueFrom; "
            + "filter.assignee without scope ALL); nothing stored")
    @ApiResponse(responseCode = "403", description = "A team filter, saved by someone not a manager")
    ResponseEntity<SavedFilter> save(@RequestBody SaveRequest request) {
        SavedFilter saved = filters.save(request.name(), request.team(), request.filter());
        return ResponseEntity.created(URI.create("/api/v1/task-filters/" + saved.id())).body(saved);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a saved filter", description = "Your own, or (managers) a team filter. Audited "
            + "(TASK_FILTER_DELETED).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "A team filter, deleted by someone not a manager")
    @ApiResponse(responseCode = "404", description = "No filter with that id that the caller may see")
    ResponseEntity<Void> delete(@PathVariable long id) {
        filters.delete(id);
        return ResponseEntity.noContent().build();
    }
}
