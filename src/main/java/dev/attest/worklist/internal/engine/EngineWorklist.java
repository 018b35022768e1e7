package dev.attest.worklist.internal.engine;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRecords;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.UserDirectory;
import dev.attest.sla.Escalations;
import dev.attest.sla.process.SlaEscalationDelegate;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.EngineAuthentication;
import dev.attest.worklist.FormFieldSpec;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.TaskCount;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFormRules;
import dev.attest.worklist.TaskNotFoundException;
import dev.attest.worklist.TaskNotHeldException;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/**
 * The worklist, read straight from the engine's task query one page at a time, joined with the case
 * files of that page only.
 */
@Service
@Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
class EngineWorklist implements Worklist {

    private static final Logger log = LoggerFactory.getLogger(EngineWorklist.class);
    static final String CASE_TYPE_VARIABLE = "caseType";

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
    private final TaskCommands commands;
    private final Map<String, TaskFormRules> rules;
    private final Clock clock;
    private final ZoneId zone;

    EngineWorklist(List<TaskFormRules> rules, TaskService taskService, FormService formService, RuntimeService runtimeService, CaseLookup cases,
            CaseRecords records,
            UserDirectory users, EngineAuthentication engine, Escalations escalations, Clock clock,
            ZoneId zone,
            AuditTrail audit, JdbcTemplate jdbc, TaskCommands commands) {
        this.commands = commands;
        this.clock = clock;
        this.zone = zone;
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
        TaskQuery query = query(filter, CurrentUser.require());
        if (query == null) {
            return List.of();
        }
        List<Task> tasks = query.orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc()
                .listPage(Math.max(0, offset), Math.max(1, limit));
        return toItems(tasks);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(TaskFilter filter) {
        TaskQuery query = query(filter, CurrentUser.require());
        return query == null ? 0 : query.count();
    }

    @Override
    @Transactional(readOnly = true)
    public TaskCount countUpTo(TaskFilter filter, int cap) {
        TaskQuery query = query(filter, CurrentUser.require());
        if (query == null) {
            return new TaskCount(0, false);
        }
        int limit = Math.max(1, cap);
        // one row past the cap (in the engine's cheapest order, by id) tells whether counting is worth it
        if (!query.listPage(limit, 1).isEmpty()) {
            return new TaskCount(limit, true);
        }
        return new TaskCount(query.count(), false);
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

    /**
     * The case a task belongs to (the business key of its root process instance, as delegates find theirs: a
     * process called without the case's business key is still the case's), for the audit trail and the case's
     * lock; what it loads stays in the command's cache for the engine's own work on the task.
     */
    private static String caseOf(TaskEntity task) {
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

    /** The engine query for a filter, or {@code null} when it can match nothing. */
    private TaskQuery query(TaskFilter filter, CurrentUser me) {
        filter.validate();
        TaskQuery query = taskService.createTaskQuery().active();
        switch (filter.scope()) {
            case MINE -> query.taskAssignee(me.username());
            case GROUP -> {
                if (me.groups().isEmpty()) {
                    return null;
                }
                query.taskCandidateGroupIn(me.groups()).taskUnassigned();
            }
            case ALL -> {
                if (!me.has(Role.MANAGER)) {
                    throw new AccessDeniedException("Only managers see all open tasks");
                }
            }
        }
        if (filter.caseType() != null) {
            query.processVariableValueEquals(CASE_TYPE_VARIABLE, filter.caseType().name());
        }
        if (filter.escalatedOnly()) {
            query.taskVariableValueEquals(SlaEscalationDelegate.ESCALATED_VARIABLE, true);
        }
        if (filter.dueFrom() != null) { // the engine's dueAfter is strict: one millisecond before the day starts
            query.dueAfter(Date.from(filter.dueFrom().atStartOfDay(zone).toInstant().minusMillis(1)));
        }
        if (filter.dueTo() != null) {
            query.dueBefore(Date.from(filter.dueTo().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.priority() != null) {
            query.taskPriority(filter.priority().taskPriority());
        }
        if (filter.assignee() != null) {
            query.taskAssignee(filter.assignee());
        }
        if (filter.followUp() != null) {
            Date now = Date.from(clock.instant());
            switch (filter.followUp()) {
                case INCLUDE_SNOOZED -> { }
                case HIDE_SNOOZED -> query.followUpBeforeOrNotExistent(now);
                case SNOOZED_ONLY -> query.followUpAfter(now);
            }
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = filter.text().strip();
            List<String> references = cases.openReferencesMatching(text);
            String nameLike = "%" + text.replace("%", "").replace("_", "") + "%";
            List<String> instances = references.isEmpty() ? List.of() : instancesOf(references);
            if (instances.isEmpty()) {
                query.taskNameLike(nameLike);
            } else {
                // by process instance id: the cases' own instances and those they called. Over many matching cases
                // this OR is slow (seconds on H2 at 100,000 open tasks, BENCHMARKS.md "saved filters"); not solved
                query.or().taskNameLike(nameLike).processInstanceIdIn(instances.toArray(String[]::new)).endOr();
            }
        }
        return query;
    }

    /**
     * The running process instances of cases (by reference): each case's own, and those it called (whose root it
     * is), read by the index of business keys.
     */
    private List<String> instancesOf(List<String> references) {
        String in = String.join(",", Collections.nCopies(references.size(), "?"));
        Object[] args = new Object[references.size() * 2];
        for (int i = 0; i < references.size(); i++) {
            args[i] = references.get(i);
            args[references.size() + i] = references.get(i);
        }
        return jdbc.queryForList("SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND (BUSINESS_KEY_ IN ("
                + in + ") OR ROOT_PROC_INST_ID_ IN (SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND "
                + "BUSINESS_KEY_ IN (" + in + ")))", String.class, args);
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
            CaseFile c = caseByReference.get(referenceByInstance.get(t.getProcessInstanceId()));
            items.add(new WorkItem(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getDescription(),
                    c == null ? null : c.getId().toString(), c == null ? null : c.getReference(),
                    c == null ? null : c.getClient().fullName(), c == null ? null : c.getType(),
                    c == null ? null : c.getPriority(), t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getAssignee(),
                    t.getAssignee() == null ? null : names.get(t.getAssignee()),
                    escalated.get(t.getId())));
        }
        return items;
    }
}
