package dev.attest.worklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidInputException;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;
import dev.attest.worklist.internal.SavedTaskFilter;
import dev.attest.worklist.internal.SavedTaskFilters;

/**
 * Task-list filters saved under a name: each user's own, and team filters that managers publish to all staff.
 * A user deletes their own; only managers publish, and delete a team filter. Each filter is shown with its count
 * of tasks, capped ({@link WorklistSettings#filterCountCap()}). Saving and deleting are audited.
 */
@Service
@Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
@EnableConfigurationProperties(WorklistSettings.class)
public class SavedFilters {

    /** The longest name accepted. */
    public static final int MAX_NAME = 80;

    private final SavedTaskFilters filters;
    private final Worklist worklist;
    private final AuditTrail audit;
    private final WorklistSettings settings;
    private final Clock clock;

    SavedFilters(SavedTaskFilters filters, Worklist worklist, AuditTrail audit, WorklistSettings settings, Clock clock) {
        this.filters = filters;
        this.worklist = worklist;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The caller's own filters and the team's, team filters first, each with its capped count. */
    @Transactional(readOnly = true)
    public List<SavedFilter> list() {
        CurrentUser me = CurrentUser.require();
        List<SavedFilter> result = new ArrayList<>();
        for (SavedTaskFilter f : filters.visibleTo(me.username())) {
            TaskFilter filter = f.filter();
            TaskCount count = runnable(filter, me) ? worklist.countUpTo(filter, settings.filterCountCap()) : null;
            result.add(view(f, count));
        }
        return result;
    }

    /**
     * A filter the caller may see (their own or a team filter).
     *
     * @throws SavedFilterNotFoundException otherwise
     */
    @Transactional(readOnly = true)
    public SavedFilter get(long id) {
        return view(visible(id, CurrentUser.require()), null);
    }

    /**
     * Saves a filter under a name for the caller, or (managers) for the team.
     *
     * @throws InvalidInputException naming the field: {@code name} (missing, too long, taken, or too many filters),
     *         {@code filter.…} for the filter's own fields; nothing is stored
     * @throws AccessDeniedException when someone other than a manager publishes a team filter
     */
    @Transactional
    public SavedFilter save(String name, boolean team, TaskFilter filter) {
        CurrentUser me = CurrentUser.require();
        if (team && !me.has(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers publish team filters");
        }
        String cleanName;
        try {
            cleanName = Text.requiredLine(name, MAX_NAME); // one line: it is a label in every list
        } catch (InvalidValueException e) {
            throw new InvalidInputException("name", e.getMessage());
        }
        if (filter == null) {
            throw new InvalidInputException("filter", "is required");
        }
        try {
            filter.validate();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(err -> new FieldError("filter." + (err.field().equals("q") ? "text" : err.field()), err.message())).toList());
        }
        if (filter.scope() == TaskFilter.Scope.ALL && !me.has(Role.MANAGER)) {
            throw new InvalidInputException("filter.scope", "ALL lists every open task: managers only");
        }
        if (filters.existsByOwnerAndName(me.username(), cleanName)) {
            throw new InvalidInputException("name", "you already have a filter named \"" + cleanName + "\"");
        }
        if (team && filters.existsByTeamTrueAndNameIgnoreCase(cleanName)) {
            throw new InvalidInputException("name", "a team filter named \"" + cleanName + "\" exists");
        }
        if (filters.countByOwner(me.username()) >= settings.maxSavedFilters()) {
            throw new InvalidInputException("name", "you have " + settings.maxSavedFilters()
                    + " saved filters, the most allowed; delete one first");
        }
        SavedTaskFilter saved;
        try {
            saved = filters.saveAndFlush(new SavedTaskFilter(me.username(), cleanName, team, filter, clock.instant()));
        } catch (DataIntegrityViolationException e) { // the same name saved at the same moment
            throw new InvalidInputException("name", "a filter named \"" + cleanName + "\" was just saved");
        }
        audit.record(AuditTrail.Action.TASK_FILTER_SAVED, "task-filter:" + saved.getId(), null,
                (team ? "team filter \"" : "filter \"") + cleanName + "\": " + filter.describe());
        return view(saved, worklist.countUpTo(filter, settings.filterCountCap()));
    }

    /**
     * Deletes a filter: the caller's own, or (managers) a team filter.
     *
     * @throws SavedFilterNotFoundException when the caller may not see it
     * @throws AccessDeniedException when someone other than a manager deletes a team filter
     */
    @Transactional
    public void delete(long id) {
        CurrentUser me = CurrentUser.require();
        SavedTaskFilter f = visible(id, me);
        if (f.isTeam() && !me.has(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers delete team filters");
        }
        filters.delete(f);
        audit.record(AuditTrail.Action.TASK_FILTER_DELETED, "task-filter:" + id, null,
                (f.isTeam() ? "team filter \"" : "filter \"") + f.getName() + "\" of " + f.getOwner());
    }

    private SavedTaskFilter visible(long id, CurrentUser me) {
        return filters.findById(id).filter(f -> f.isTeam() || f.getOwner().equals(me.username()))
                .orElseThrow(() -> new SavedFilterNotFoundException(id));
    }

    private static boolean runnable(TaskFilter filter, CurrentUser me) {
        return filter.scope() != TaskFilter.Scope.ALL || me.has(Role.MANAGER);
    }

    private static SavedFilter view(SavedTaskFilter f, TaskCount count) {
        return new SavedFilter(f.getId(), f.getName(), f.isTeam(), f.getOwner(), f.filter(), count);
    }
}
