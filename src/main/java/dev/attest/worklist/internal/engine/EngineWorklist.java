package dev.attest.worklist.internal.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRecords;
import dev.attest.identity.Availability;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.StaffMember;
import dev.attest.identity.UserDirectory;
import dev.attest.sla.Escalations;
import dev.attest.workflow.CaseProcesses;
import dev.attest.validation.InvalidInputException;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;
import dev.attest.workflow.EngineAuthentication;
import dev.attest.worklist.AssignmentResult;
import dev.attest.worklist.FormFieldSpec;
import dev.attest.worklist.TaskAssigned;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.TaskCount;
import dev.attest.worklist.TaskDetails;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFormRules;
import dev.attest.worklist.TaskNotFoundException;
import dev.attest.worklist.TaskNotHeldException;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/**
 * The worklist: its lists and counts read from Attest's record of the open tasks ({@link OpenTaskList}, kept in step by
 * the engine's task listeners inside the engine's transaction) one page at a time, the page's tasks then read from
 * the engine by their ids and joined with the case files of that page only; claiming, completing and every other
 * change go to the engine.
 */
@Service
@Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
class EngineWorklist implements Worklist {

    private static final Logger log = LoggerFactory.getLogger(EngineWorklist.class);

    private final TaskService taskService;
    private final FormService formService;
    private final RuntimeService runtimeService;
    private final CaseLookup cases;
    private final CaseRecords records;
    private final UserDirectory users;
    private final EngineAuthentication engine;
    private final Escalations escalations;
    private final TaskForms forms;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private volatile Boolean noTextIndex;
    private final TaskCommands commands;
    private final Map<String, TaskFormRules> rules;
    private final Clock clock;
    private final ZoneId zone;
    private final TaskRecipients recipients;
    private final HistoryService history;
    private final TransactionTemplate eachInItsOwn;

    EngineWorklist(List<TaskFormRules> rules, TaskService taskService, FormService formService,
            RuntimeService runtimeService, CaseLookup cases, CaseRecords records, UserDirectory users,
            EngineAuthentication engine, Escalations escalations, Clock clock, ZoneId zone, AuditTrail audit, JdbcTemplate jdbc, TaskCommands commands, TaskRecipients recipients,
            HistoryService history, PlatformTransactionManager transactions) {
        this.clock = clock;
        this.zone = zone;
        this.recipients = recipients;
        this.history = history;
        this.eachInItsOwn = new TransactionTemplate(transactions);
        this.eachInItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.commands = commands;
        this.rules = rules.stream().collect(Collectors.toMap(TaskFormRules::taskKey, r -> r));
        this.audit = audit;
        this.jdbc = jdbc;
        this.forms = new TaskForms(clock, zone);
        this.engine = engine;
        this.escalations = escalations;
        this.taskService = taskService;
        this.formService = formService;
        this.runtimeService = runtimeService;
        this.cases = cases;
        this.records = records;
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorkItem> page(TaskFilter filter, int offset, int limit) {
        OpenTaskList list = list(filter, CurrentUser.require());
        if (list == null) {
            return List.of();
        }
        List<String> ids = list.page(jdbc, Math.max(0, offset), Math.max(1, limit));
        if (ids.isEmpty()) {
            return List.of();
        }
        // the page's tasks from the engine by their ids, in the list's order (a task that ended in between is left out)
        Map<String, Task> byId = taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(Task::getId, t -> t));
        return toItems(ids.stream().map(byId::get).filter(t -> t != null).toList());
    }

    @Override
    @Transactional(readOnly = true)
    public long count(TaskFilter filter) {
        OpenTaskList list = list(filter, CurrentUser.require());
        return list == null ? 0 : list.count(jdbc);
    }

    @Override
    @Transactional(readOnly = true)
    public TaskCount countUpTo(TaskFilter filter, int cap) {
        OpenTaskList list = list(filter, CurrentUser.require());
        if (list == null) {
            return new TaskCount(0, false);
        }
        int limit = Math.max(1, cap);
        long count = list.countUpTo(jdbc, limit);
        return count > limit ? new TaskCount(limit, true) : new TaskCount(count, false);
    }

    /**
     * A filter's task list on Attest's record of the open tasks ({@link OpenTaskList}), or {@code null} when it can
     * match nothing.
     */
    private OpenTaskList list(TaskFilter filter, CurrentUser me) {
        return OpenTaskList.of(filter, me, clock, zone, noTextIndex());
    }

    /** Whether the database has no index for a text inside a column: H2 (PostgreSQL has trigrams, V21), read once. */
    private boolean noTextIndex() {
        Boolean known = noTextIndex;
        if (known == null) {
            known = "H2".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
            noTextIndex = known;
        }
        return known;
    }

    @Override
    @Transactional(readOnly = true)
    public WorkItem get(String taskId) {
        return toItems(List.of(visibleTask(taskId, CurrentUser.require()))).get(0);
    }

    @Override
    @Transactional
    public void claim(String taskId) {
        CurrentUser me = CurrentUser.require();
        String claimed;
        try {
            claimed = commands.run(context -> {
                TaskEntity task = visibleTask(context, taskId, me);
                if (me.username().equals(task.getAssignee())) {
                    return null;
                }
                if (task.getAssignee() != null) {
                    throw heldBy(task.getAssignee());
                }
                if (!isCandidate(task, me)) {
                    throw new AccessDeniedException("This task is not for your groups");
                }
                // the engine writes the claim when the command ends, with the audit record, or neither
                audit.record(AuditTrail.Action.TASK_CLAIMED, taskId, caseOf(task), task.getName());
                new ClaimTaskCmd(taskId, me.username()).execute(context);
                return task.getTaskDefinitionKey();
            });
        } catch (TaskAlreadyClaimedException e) {
            throw heldBy(e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw new TaskConflictException("Someone else claimed this task at the same moment. Refresh the list.");
        } catch (NullValueException e) {
            throw new TaskConflictException("This task ended meanwhile; nothing was changed by you.");
        }
        if (claimed != null) {
            log.info("{} claimed task {} ({})", me.username(), taskId, claimed);
        }
    }

    @Override
    @Transactional
    public void unclaim(String taskId) {
        CurrentUser me = CurrentUser.require();
        Task task = visibleTask(taskId, me);
        if (task.getAssignee() == null) {
            return;
        }
        if (!me.username().equals(task.getAssignee()) && !me.has(Role.MANAGER)) {
            throw new TaskNotHeldException("Only the holder of a task or a manager may give it back");
        }
        engine.asCurrentUser(() -> taskService.setAssignee(taskId, null));
        log.info("{} unclaimed task {}", me.username(), taskId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> variables(String taskId) {
        visibleTask(taskId, CurrentUser.require());
        return taskService.getVariables(taskId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<FormFieldSpec> form(String taskId) {
        Task task = visibleTask(taskId, CurrentUser.require());
        List<FormFieldSpec> declared = forms.specs(formService.getTaskFormData(taskId).getFormFields());
        TaskFormRules rule = rules.get(task.getTaskDefinitionKey());
        return rule == null ? declared : rule.fields(declared, taskService.getVariables(taskId));
    }

    @Override
    @Transactional(readOnly = true)
    public TaskDetails details(String taskId) {
        CurrentUser me = CurrentUser.require();
        // one command: the task row, its identity links, its variables and its definition are read once and shared
        // by the visibility check, the variables and the form (get, variables and form read each of them again)
        Read read = commands.run(context -> {
            TaskEntity task = visibleTask(context, taskId, me);
            Map<String, Object> variables = task.getVariables();
            List<FormFieldSpec> declared = forms.specs(new GetTaskFormCmd(taskId).execute(context).getFormFields());
            TaskFormRules rule = rules.get(task.getTaskDefinitionKey());
            return new Read(task, variables, rule == null ? declared : rule.fields(declared, variables));
        });
        return new TaskDetails(toItems(List.of(read.task())).get(0), read.variables(), read.form());
    }

    /** What {@link #details} reads inside its command. */
    private record Read(Task task, Map<String, Object> variables, List<FormFieldSpec> form) {
    }

    @Override
    @Transactional
    public void complete(String taskId, Map<String, Object> values) {
        CurrentUser me = CurrentUser.require();
        String completed;
        try {
            completed = commands.run(context -> {
                TaskEntity task = visibleTask(context, taskId, me);
                if (!me.username().equals(task.getAssignee())) {
                    throw new TaskNotHeldException(task.getAssignee() == null ? "Claim the task before completing it"
                            : "This task is held by " + users.displayName(task.getAssignee()));
                }
                String caseReference = caseOf(task);
                // a closed case's leftover task changes nothing; the case's lock before the engine's rows, as
                // CaseRecords says
                if (caseReference != null) {
                    records.requireOpenIfExists(caseReference, "complete the task " + task.getName());
                }
                // the audit record (no shared lock: it is linked into the chain after commit); invalid values
                // below roll it back with the rest
                Object decision = values == null ? null : values.get("decision");
                audit.record(AuditTrail.Action.TASK_COMPLETED, taskId, caseReference,
                        task.getName() + (decision instanceof String d ? ": " + d : ""));
                // completions of one task are taken one after the other: the second waits for the first to commit
                // and then finds the task gone (as when the client's document ended a follow-up, or while this
                // waited for the case's lock), instead of failing in the engine. The task this command loaded may
                // be older than the locks: it is only used once the row is known to be there
                if (jdbc.queryForList("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE", String.class, taskId)
                        .isEmpty()) {
                    throw ended();
                }
                List<FormFieldSpec> fields = forms.specs(new GetTaskFormCmd(taskId).execute(context).getFormFields());
                TaskFormRules rule = rules.get(task.getTaskDefinitionKey());
                Map<String, Object> processVariables = rule == null ? Map.of() : task.getVariables();
                if (rule != null) { // the rules' fields as they apply, and the declared ones still accepted
                    Map<String, FormFieldSpec> accepted = new LinkedHashMap<>();
                    fields.forEach(f -> accepted.put(f.id(), f));
                    rule.fields(fields, processVariables).forEach(f -> accepted.put(f.id(), f));
                    fields = List.copyOf(accepted.values());
                }
                Map<String, Object> variables = forms.validate(fields, values == null ? Map.of() : values);
                if (rule != null) {
                    rule.check(variables, processVariables);
                }
                new SubmitTaskFormCmd(taskId, variables, false, false).execute(context);
                return task.getTaskDefinitionKey();
            });
        } catch (OptimisticLockingException e) {
            throw new TaskConflictException("The task changed while you worked on it. Open it again.");
        }
        log.info("{} completed task {} ({})", me.username(), taskId, completed);
    }

    /** The longest note one may give with an assignment. */
    static final int MAX_NOTE = 1000;

    @Override
    @Transactional
    public void assign(String taskId, String assignee, String note) {
        CurrentUser me = CurrentUser.require();
        String to = assignee == null || assignee.isBlank() ? null : assignee.strip();
        String why;
        try {
            why = Text.optional(note, MAX_NOTE);
        } catch (InvalidValueException e) {
            throw new InvalidInputException("note", e.getMessage());
        }
        boolean assigner = me.hasAny(Role.SENIOR_ANALYST, Role.MANAGER);
        TaskAssigned told;
        try {
            told = commands.run(context -> {
                TaskEntity task = visibleTask(context, taskId, me);
                String holder = task.getAssignee();
                if (to == null ? holder == null : to.equals(holder)) {
                    return null; // nothing to change
                }
                if (!assigner) {
                    if (!me.username().equals(holder) && !(holder == null && me.username().equals(to))) {
                        throw new AccessDeniedException(holder == null
                                ? "Only senior analysts and managers may give a task to someone; claim it instead"
                                : "Only the holder of a task, a senior analyst or a manager may give it to someone");
                    }
                    if (to != null && !to.equals(me.username()) && why == null) {
                        throw new InvalidInputException("note", "is required to hand a task over: say why and "
                                + "what is done");
                    }
                }
                if (to != null) {
                    requireMayTake(task, to);
                }
                String caseReference = caseOf(task);
                audit.record(to == null ? AuditTrail.Action.TASK_RETURNED : AuditTrail.Action.TASK_ASSIGNED, taskId,
                        caseReference, (to == null ? "to its groups" : "to " + to)
                                + (holder == null ? "" : " (held by " + holder + ")") + (why == null ? "" : ": " + why));
                new AssignTaskCmd(taskId, to).execute(context);
                return to == null || to.equals(me.username()) ? null
                        : new TaskAssigned(taskId, task.getName(), recipients.caseId(task, caseReference),
                                caseReference, to, me.username(), why);
            });
        } catch (OptimisticLockingException e) {
            throw new TaskConflictException("Someone else changed this task at the same moment (claimed or assigned "
                    + "it). Refresh the list.");
        } catch (NullValueException e) {
            throw ended();
        }
        if (told != null) {
            recipients.tell(told);
        }
        log.info("{} gave task {} to {}", me.username(), taskId, to == null ? "its groups" : to);
    }

    /** Refuses a user who may not be given the task: not an enabled candidate of its groups, or away. */
    private void requireMayTake(TaskEntity task, String username) {
        if (username.length() > 64) {
            throw new InvalidInputException("assignee", "is no user name (at most 64 characters)");
        }
        boolean candidate = users.mayTake(username, rolesOf(task.getIdentityLinks()))
                || (task.getIdentityLinks().stream().anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
                        && username.equals(l.getUserId())) && users.mayTake(username, Availability.STAFF));
        if (!candidate) {
            // by the name given only: the refusal tells nothing about accounts that are not candidates (not even
            // whether they exist, or their display names)
            throw new InvalidInputException("assignee", username + " may not work this task: not an enabled "
                    + "candidate of its groups");
        }
        users.awayUntil(username).ifPresent(until -> {
            throw new InvalidInputException("assignee", users.displayName(username) + " is away until " + until);
        });
    }

    /** The staff roles whose groups a task is offered to; every staff role when it names no group. */
    static Set<Role> rolesOf(Collection<? extends IdentityLink> links) {
        List<String> groups = links.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        if (groups.isEmpty()) {
            return Availability.STAFF;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Availability.STAFF) {
            if (groups.contains(role.group())) {
                roles.add(role);
            }
        }
        return roles;
    }

    @Override
    public List<AssignmentResult> assignAll(List<String> taskIds, String assignee, String note) {
        CurrentUser.require();
        if (taskIds == null || taskIds.isEmpty()) {
            throw new InvalidInputException("taskIds", "name at least one task");
        }
        if (taskIds.size() > MAX_BULK) {
            throw new InvalidInputException("taskIds", "at most " + MAX_BULK + " tasks at once");
        }
        List<AssignmentResult> results = new ArrayList<>();
        for (String id : taskIds.stream().distinct().toList()) {
            results.add(assignOne(id, assignee, note));
        }
        return results;
    }

    /** The most tasks one bulk assignment takes. */
    static final int MAX_BULK = 200;

    private AssignmentResult assignOne(String taskId, String assignee, String note) {
        try {
            eachInItsOwn.executeWithoutResult(status -> assign(taskId, assignee, note));
            return new AssignmentResult(taskId, 200, assignee == null ? "Returned to its groups"
                    : "Given to " + users.displayName(assignee.strip()));
        } catch (InvalidInputException e) {
            return new AssignmentResult(taskId, 400, e.errors().get(0).field() + ": " + e.errors().get(0).message());
        } catch (AccessDeniedException e) {
            return new AssignmentResult(taskId, 403, e.getMessage());
        } catch (TaskNotFoundException e) {
            boolean ended = taskId != null && history.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                    .count() > 0;
            return ended ? new AssignmentResult(taskId, 409, ended().getMessage())
                    : new AssignmentResult(taskId, 404, e.getMessage());
        } catch (TaskConflictException e) {
            return new AssignmentResult(taskId, 409, e.getMessage());
        }
    }

    @Override
    @Transactional
    public int returnAllHeldBy(String username) {
        CurrentUser me = CurrentUser.require();
        if (!me.username().equals(username) && !me.has(Role.MANAGER)) {
            throw new AccessDeniedException("Only managers may give back someone else's tasks");
        }
        List<String> held = taskService.createTaskQuery().taskAssignee(username).list().stream().map(Task::getId)
                .toList();
        try {
            for (String taskId : held) {
                commands.run(context -> {
                    TaskEntity task = context.getTaskManager().findTaskById(taskId);
                    if (task == null || !username.equals(task.getAssignee())) {
                        return null;
                    }
                    audit.record(AuditTrail.Action.TASK_RETURNED, taskId, caseOf(task), "to its groups (held by "
                            + username + "; all of their tasks returned)");
                    new AssignTaskCmd(taskId, null).execute(context);
                    return null;
                });
            }
        } catch (OptimisticLockingException e) {
            throw new TaskConflictException("One of these tasks changed at the same moment; nothing was returned. "
                    + "Try again.");
        }
        log.info("{} gave the {} tasks of {} back to their groups", me.username(), held.size(), username);
        return held.size();
    }

    @Override
    @Transactional(readOnly = true)
    public List<StaffMember> candidates(Collection<String> taskIds) {
        CurrentUser me = CurrentUser.require();
        List<StaffMember> staff = users.staff(Availability.STAFF);
        Set<String> allowed = null;
        for (String taskId : taskIds == null ? List.<String>of() : taskIds) {
            visibleTask(taskId, me);
            Set<Role> taskRoles = rolesOf(taskService.getIdentityLinksForTask(taskId));
            Set<String> names = staff.stream().filter(s -> s.roles().stream().anyMatch(taskRoles::contains))
                    .map(StaffMember::username).collect(Collectors.toSet());
            if (allowed == null) {
                allowed = names;
            } else {
                allowed.retainAll(names);
            }
        }
        Set<String> keep = allowed;
        return keep == null ? staff : staff.stream().filter(s -> keep.contains(s.username())).toList();
    }

    /** How far ahead a task may be snoozed. */
    static final int MAX_FOLLOW_UP_DAYS = 366;

    @Override
    @Transactional
    public void followUp(String taskId, LocalDate followUp) {
        CurrentUser me = CurrentUser.require();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (followUp != null && !followUp.isAfter(today)) {
            throw new InvalidInputException("followUp", "must be after today (" + today + ")");
        }
        if (followUp != null && followUp.isAfter(today.plusDays(MAX_FOLLOW_UP_DAYS))) {
            throw new InvalidInputException("followUp", "must be within a year (by "
                    + today.plusDays(MAX_FOLLOW_UP_DAYS) + ")");
        }
        Date date = followUp == null ? null : Date.from(followUp.atStartOfDay(zone).toInstant());
        try {
            commands.run(context -> {
                TaskEntity task = visibleTask(context, taskId, me);
                if (task.getAssignee() != null && !me.username().equals(task.getAssignee())
                        && !me.hasAny(Role.SENIOR_ANALYST, Role.MANAGER)) {
                    throw new TaskNotHeldException("Only its holder, a senior analyst or a manager may snooze a task "
                            + "someone holds");
                }
                audit.record(AuditTrail.Action.TASK_FOLLOW_UP_SET, taskId, caseOf(task),
                        followUp == null ? "cleared" : "until " + followUp);
                new SetTaskFollowUpDateCmd(taskId, date).execute(context);
                return null;
            });
        } catch (OptimisticLockingException e) {
            throw new TaskConflictException("The task changed at the same moment. Open it again.");
        } catch (NullValueException e) {
            throw ended();
        }
        log.info("{} set the follow-up of task {} to {}", me.username(), taskId, followUp);
    }

    /**
     * The case a task belongs to (the business key of its root process instance, as delegates find theirs: a
     * process called without the case's business key is still the case's), for the audit trail and the case's
     * lock; what it loads stays in the command's cache for the engine's own work on the task.
     */
    static String caseOf(TaskEntity task) {
        if (task.getProcessInstanceId() == null) {
            return null;
        }
        ExecutionEntity instance = task.getProcessInstance();
        String key = instance == null ? null : CaseProcesses.caseReference(instance);
        return key == null || key.length() > 20 ? null : key;
    }

    /** The task, if the user may see it, as loaded by the command (which the engine's own commands reuse). */
    private TaskEntity visibleTask(CommandContext context, String taskId, CurrentUser me) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            throw new TaskNotFoundException(taskId);
        }
        if (me.has(Role.MANAGER) || me.username().equals(task.getAssignee()) || isCandidate(task, me)) {
            return task;
        }
        log.warn("Denied: {} looked for task {} outside their groups", me.username(), taskId);
        throw new TaskNotFoundException(taskId);
    }

    private static boolean isCandidate(TaskEntity task, CurrentUser me) {
        for (IdentityLink link : task.getIdentityLinks()) {
            if (isCandidateLink(link, me)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCandidateLink(IdentityLink link, CurrentUser me) {
        return IdentityLinkType.CANDIDATE.equals(link.getType())
                && ((link.getGroupId() != null && me.groups().contains(link.getGroupId()))
                        || me.username().equals(link.getUserId()));
    }

    private static TaskConflictException ended() {
        return new TaskConflictException("This task ended meanwhile (completed by someone else, or the process moved "
                + "on); nothing was changed by you.");
    }

    private TaskConflictException heldBy(String assignee) {
        return new TaskConflictException("Already claimed by " + users.displayName(assignee));
    }

    /** The task, if the user may see it: held by them, offered to their groups, or they are a manager. */
    private Task visibleTask(String taskId, CurrentUser me) {
        Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskNotFoundException(taskId);
        }
        if (me.has(Role.MANAGER) || me.username().equals(task.getAssignee()) || isCandidate(taskId, me)) {
            return task;
        }
        log.warn("Denied: {} looked for task {} outside their groups", me.username(), taskId);
        throw new TaskNotFoundException(taskId);
    }

    private boolean isCandidate(String taskId, CurrentUser me) {
        for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
            if (isCandidateLink(link, me)) {
                return true;
            }
        }
        return false;
    }

    private List<WorkItem> toItems(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, String> referenceByInstance = new LinkedHashMap<>();
        if (!instanceIds.isEmpty()) {
            // a task's case is its root process instance's (a called process may carry no business key of its own)
            Map<String, String> rootByInstance = new LinkedHashMap<>();
            Map<String, String> keyByRoot = new LinkedHashMap<>();
            for (ProcessInstance pi : runtimeService.createProcessInstanceQuery()
                    .processInstanceIds(instanceIds).list()) {
                String root = pi instanceof ExecutionEntity e && e.getRootProcessInstanceId() != null
                        ? e.getRootProcessInstanceId() : pi.getId();
                rootByInstance.put(pi.getId(), root);
                if (root.equals(pi.getId()) && pi.getBusinessKey() != null) {
                    keyByRoot.put(root, pi.getBusinessKey());
                }
            }
            Set<String> otherRoots = new HashSet<>(rootByInstance.values());
            otherRoots.removeAll(rootByInstance.keySet());
            if (!otherRoots.isEmpty()) { // tasks of called processes whose root has no task in this list
                for (ProcessInstance root : runtimeService.createProcessInstanceQuery().processInstanceIds(otherRoots)
                        .list()) {
                    if (root.getBusinessKey() != null) {
                        keyByRoot.put(root.getId(), root.getBusinessKey());
                    }
                }
            }
            rootByInstance.forEach((instance, root) -> {
                if (keyByRoot.containsKey(root)) {
                    referenceByInstance.put(instance, keyByRoot.get(root));
                }
            });
        }
        Map<String, CaseFile> caseByReference = cases.byReferences(new HashSet<>(referenceByInstance.values()));
        Set<String> assignees = tasks.stream().map(Task::getAssignee).filter(a -> a != null).collect(Collectors.toSet());
        Map<String, String> names = users.displayNames(assignees);
        var escalated = escalations.levels(tasks.stream().map(Task::getId).toList());
        List<WorkItem> items = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            // a task of no case (no process instance with a key) has no reference: Map.of() refuses a null key
            String reference = referenceByInstance.get(t.getProcessInstanceId());
            CaseFile c = reference == null ? null : caseByReference.get(reference);
            items.add(new WorkItem(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getDescription(),
                    c == null ? null : c.getId().toString(), c == null ? null : c.getReference(),
                    c == null ? null : c.getClient().fullName(), c == null ? null : c.getType(),
                    c == null ? null : c.getPriority(), t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getAssignee(),
                    t.getAssignee() == null ? null : names.get(t.getAssignee()),
                    escalated.get(t.getId()), t.getFollowUpDate() == null ? null
                            : t.getFollowUpDate().toInstant().atZone(zone).toLocalDate()));
        }
        return items;
    }
}
