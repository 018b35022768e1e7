package dev.attest.cases.process;

import static dev.attest.cases.process.CaseIntakeProcess.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseWorkflow;

/** Runs cases on the CaseIntake process of the embedded engine. */
@Component
class CamundaCaseWorkflow implements CaseWorkflow {

    private static final List<String> SHOWN_TYPES = List.of("startEvent", "endEvent", "noneEndEvent", "userTask",
            "businessRuleTask", "serviceTask", "callActivity", "intermediateTimer", "intermediateMessageCatch",
            "boundaryTimer", "boundaryError", "boundaryMessage");

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;

    CamundaCaseWorkflow(RuntimeService runtimeService, HistoryService historyService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
    }

    @Override
    public String start(CaseFile caseFile) {
        var situation = caseFile.getSituation();
        return runtimeService.startProcessInstanceByKey(KEY, caseFile.getReference(), Variables.createVariables()
                .putValue(CASE_ID, caseFile.getId().toString())
                .putValue(CASE_TYPE, caseFile.getType().name())
                .putValue(LOST_PHONE_ACCESS, situation.lostPhoneAccess())
                .putValue(LOST_EMAIL_ACCESS, situation.lostEmailAccess())
                .putValue(ACCOUNT_SUSPENDED, situation.accountSuspended())
                .putValue(BUSINESS_ACCOUNT, caseFile.isBusinessAccount()))
                .getId();
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
    public List<TimelineEntry> timeline(String processInstanceId) {
        List<TimelineEntry> entries = new ArrayList<>();
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return entries;
        }
        List<HistoricActivityInstance> steps = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc()
                .list();
        for (HistoricActivityInstance step : steps) {
            if (!SHOWN_TYPES.contains(step.getActivityType())) {
                continue;
            }
            String name = step.getActivityName() == null ? step.getActivityId() : step.getActivityName();
            if ("userTask".equals(step.getActivityType())) {
                entries.add(new TimelineEntry(step.getStartTime().toInstant(), "Task created: " + name, null,
                        step.getActivityId()));
                if (step.getEndTime() != null) {
                    entries.add(new TimelineEntry(step.getEndTime().toInstant(),
                            (step.isCanceled() ? "Task cancelled: " : "Task completed: ") + name, step.getAssignee(),
                            step.getActivityId()));
                }
            } else if (step.getActivityType().endsWith("vent") || step.getActivityType().startsWith("boundary")
                    || step.getActivityType().startsWith("intermediate")) {
                entries.add(new TimelineEntry(step.getStartTime().toInstant(), name, null, step.getActivityId()));
            } else if (step.getEndTime() != null) {
                entries.add(new TimelineEntry(step.getEndTime().toInstant(), name, null, step.getActivityId()));
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }
}
