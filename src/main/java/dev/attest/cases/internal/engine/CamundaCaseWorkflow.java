package dev.attest.cases.internal.engine;

import static dev.attest.cases.process.CaseIntakeProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseWorkflow;
import dev.attest.sla.ClientWait;
import dev.attest.sla.Escalation;
import dev.attest.sla.Escalations;
import dev.attest.sla.SlaClock;
import dev.attest.sla.process.SlaEscalationProcess;
import dev.attest.workflow.EngineAuthentication;

/** Runs cases on the CaseIntake process of the embedded engine. */
@Component
class CamundaCaseWorkflow implements CaseWorkflow {

    /** Steps the system takes, shown when they finish. */
    private static final List<String> SYSTEM_STEPS = List.of("businessRuleTask", "serviceTask", "sendTask",
            "callActivity");

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;

    private final EngineAuthentication engine;
    private final Escalations escalations;
    private final SlaClock slaClock;
    private final AuditTrail audit;

    CamundaCaseWorkflow(RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
            EngineAuthentication engine, Escalations escalations, SlaClock slaClock, AuditTrail audit) {
        this.audit = audit;
        this.engine = engine;
        this.escalations = escalations;
        this.slaClock = slaClock;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
    }

    @Override
    public String start(CaseFile caseFile) {
        var situation = caseFile.getSituation();
        return engine.asCurrentUser(() -> runtimeService.startProcessInstanceByKey(KEY, caseFile.getReference(), Variables.createVariables()
                .putValue(CASE_ID, caseFile.getId().toString())
                .putValue(CASE_TYPE, caseFile.getType().name())
                .putValue(LOST_PHONE_ACCESS, situation.lostPhoneAccess())
                .putValue(LOST_EMAIL_ACCESS, situation.lostEmailAccess())
                .putValue(ACCOUNT_SUSPENDED, situation.accountSuspended())
                .putValue(BUSINESS_ACCOUNT, caseFile.isBusinessAccount()))
                .getId());
    }

    @Override
    public List<OpenTask> openTasks(String caseReference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseReference)
                .orderByTaskCreateTime().asc().list().stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(), t.getCreateTime().toInstant(),
                        t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                .toList();
    }

    @Override
    public void holdHistory(String caseReference) {
        var query = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference);
        if (query.count() > 0) {
            historyService.setRemovalTimeToHistoricProcessInstances().clearedRemovalTime().byQuery(query)
                    .hierarchical().executeAsync();
        }
    }

    @Override
    public void releaseHistory(String caseReference, Instant removeAt) {
        var query = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference);
        if (query.count() > 0) {
            var mode = historyService.setRemovalTimeToHistoricProcessInstances();
            (removeAt == null ? mode.calculatedRemovalTime() : mode.absoluteRemovalTime(Date.from(removeAt)))
                    .byQuery(query).hierarchical().executeAsync();
        }
    }

    @Override
    public void deleteHistory(String caseReference) {
        List<String> ids = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference)
                .finished().list().stream().map(HistoricProcessInstance::getId).toList();
        if (!ids.isEmpty()) {
            historyService.deleteHistoricProcessInstancesIfExists(ids);
        }
    }

    @Override
    public List<TimelineEntry> timeline(String caseReference) {
        List<TimelineEntry> entries = new ArrayList<>();
        Instant started = null;
        for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseReference).orderByProcessInstanceStartTime().asc().list()) {
            if (started == null) {
                started = instance.getStartTime().toInstant();
            }
            if (!SlaEscalationProcess.KEY.equals(instance.getProcessDefinitionKey())) {
                // the escalation ladder's steps are on the timeline as the escalations they recorded (below)
                addTimeline(instance.getId(), entries);
            }
        }
        for (Escalation e : escalations.ofCase(caseReference)) {
            entries.add(new TimelineEntry(e.getAt(), "SLA: " + e.getTaskName() + " " + e.getLevel().whatHappened(),
                    null, null));
        }
        for (ClientWait wait : slaClock.waits(caseReference)) {
            entries.add(new TimelineEntry(wait.getStartedAt(), "SLA clock paused: " + wait.getReason(), null, null));
            if (!wait.isOpen()) {
                entries.add(new TimelineEntry(wait.getEndedAt(), "SLA clock running again", null, null));
            }
        }
        for (AuditTrail.Record r : audit.ofCase(caseReference)) {
            String what = switch (r.action()) {
                case CASE_OPENED -> "Case opened";
                // the documents module tells uploads and decisions on documents in words
                case DOCUMENT_UPLOADED -> null;
                case DOCUMENT_READ -> "Document opened" + (r.reason() == null ? "" : " (" + withoutTaskIds(r.reason()) + ")");
                case DOCUMENT_CORRECTED -> "Document details corrected; the checks ran again";
                case DECISION_RECORDED -> isUuid(r.subject()) ? null : "Decision recorded: " + r.reason();
                case INCIDENT_RETRY -> "Failed step retried: " + r.reason();
                case LEGAL_HOLD_PLACED -> "Legal hold placed: " + r.reason();
                case LEGAL_HOLD_RELEASED -> "Legal hold released";
                case ERASURE_REFUSED -> "Erasure request refused: " + r.reason();
                case CASE_ERASED -> "Documents, personal data and process history erased"
                        + (r.reason() == null ? "" : " (" + r.reason() + ")");
                default -> null; // claims and completions are on the timeline from the engine's history
            };
            if (what != null) {
                // the case is opened as its process starts (the audit record is written just after): first on the list
                Instant at = r.action() == AuditTrail.Action.CASE_OPENED && started != null
                        && started.isBefore(r.at()) ? started : r.at();
                entries.add(new TimelineEntry(at, what, r.who(), null));
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    /** The activity instances of the sub-processes that call the SLA escalation ladder beside their task. */
    private Set<String> scopesCallingTheLadder(String processInstanceId, List<HistoricActivityInstance> steps) {
        if (steps.stream().noneMatch(s -> "callActivity".equals(s.getActivityType()))) {
            return Set.of();
        }
        Set<String> ladders = historyService.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId).processDefinitionKey(SlaEscalationProcess.KEY).list()
                .stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
        return steps.stream().filter(s -> ladders.contains(s.getCalledProcessInstanceId()))
                .map(HistoricActivityInstance::getParentActivityInstanceId).collect(Collectors.toSet());
    }

    /** A read's reason as people say it: the task worked on by its name, never its engine id. */
    static String withoutTaskIds(String reason) {
        return reason.replaceAll("\\btask [^\\s(]+ \\(([^)]*)\\)", "while working on $1")
                .replaceAll("\\btask [^\\s(]+", "while working on a task");
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(String.valueOf(text));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void addTimeline(String processInstanceId, List<TimelineEntry> entries) {
        List<HistoricActivityInstance> steps = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list();
        Set<String> withLadder = scopesCallingTheLadder(processInstanceId, steps);
        for (HistoricActivityInstance step : steps) {
            if (withLadder.contains(step.getParentActivityInstanceId())) {
                continue; // the start, the ladder's call and the ends around a task with an SLA: the task tells it
            }
            String type = step.getActivityType();
            String name = step.getActivityName() == null ? step.getActivityId() : step.getActivityName();
            if (type.equals("startEvent")) {
                continue; // the case's opening is the audit's "Case opened"; a called process's start is no event
            }
            if (type.endsWith("Event") || type.startsWith("boundary") || type.startsWith("intermediate")) {
                entries.add(new TimelineEntry(step.getStartTime().toInstant(), name, null, step.getActivityId()));
            } else if (SYSTEM_STEPS.contains(type) && step.getEndTime() != null) {
                entries.add(new TimelineEntry(step.getEndTime().toInstant(), name, null, step.getActivityId()));
            }
        }
        Map<String, String> taskNames = new HashMap<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            taskNames.put(task.getId(), task.getName());
            if (task.getEndTime() != null) {
                boolean completed = "completed".equals(task.getDeleteReason());
                entries.add(new TimelineEntry(task.getEndTime().toInstant(),
                        completed ? "Done: " + task.getName() : task.getName() + ": no longer needed",
                        completed ? task.getAssignee() : null, task.getTaskDefinitionKey()));
            }
        }
        for (UserOperationLogEntry op : historyService.createUserOperationLogQuery()
                .processInstanceId(processInstanceId).entityType(EntityTypes.TASK).list()) {
            if ("assignee".equals(op.getProperty()) && (UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(op.getOperationType())
                    || UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(op.getOperationType()))) {
                String name = taskNames.getOrDefault(op.getTaskId(), "a task");
                String what = op.getNewValue() == null ? "Gave back to the group: " + name : "Took the task: " + name;
                entries.add(new TimelineEntry(op.getTimestamp().toInstant(), what,
                        op.getNewValue() == null ? op.getUserId() : op.getNewValue(), null));
            }
        }
    }
}
