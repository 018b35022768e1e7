package dev.attest.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import dev.attest.sla.SlaPolicies;

/**
 * Engine plugin: every user task gets its due and follow-up dates from the SLA policy of its type when it is
 * created (tasks whose type has no policy keep what their BPMN says).
 */
@Component
class SlaTaskDates extends AbstractProcessEnginePlugin {

    private final SlaPolicies policies;

    SlaTaskDates(SlaPolicies policies) {
        this.policies = policies;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        TaskListener listener = this::apply;
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                }
            }
        });
    }

    void apply(DelegateTask task) {
        policies.datesFor(task.getTaskDefinitionKey(), task.getCreateTime().toInstant()).ifPresent(dates -> {
            task.setDueDate(java.util.Date.from(dates.due()));
            task.setFollowUpDate(java.util.Date.from(dates.followUp()));
        });
    }
}
