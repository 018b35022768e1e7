package dev.attest.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.attest.AttestTest;

/** An H2 database made before the task list read the open tasks' record is brought up to date on start. */
@AttestTest
class OpenTaskRecordUpgradeTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired List<ApplicationRunner> runners;

    @Test
    void theListColumnsOfAnOlderDatabaseAreWrittenAgainFromTheEngine() throws Exception {
        String deployment = repository.createDeployment().addModelInstance("upgrade-probe.bpmn",
                Bpmn.createExecutableProcess("UpgradeProbe").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_UpgradeProbe").name("Upgrade probe").camundaCandidateGroups("analyst,manager")
                        .camundaPriority("77").endEvent().done()).deploy().getId();
        try {
            String instance = runtime.startProcessInstanceByKey("UpgradeProbe", "CASE-UPGRADE-1").getId();
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            assertThat(jdbc.queryForList("SELECT group_id FROM sla_open_task_group WHERE task_id = ?", String.class,
                    task.getId())).as("written by the task listeners").containsExactlyInAnyOrder("analyst", "manager");
            // as an older database has it: the columns Hibernate added hold their defaults, no group rows
            jdbc.update("UPDATE sla_open_task SET priority = 50, search_text = NULL WHERE id = ?", task.getId());
            jdbc.update("DELETE FROM sla_open_task_group WHERE task_id = ?", task.getId());

            start();

            assertThat(jdbc.queryForObject("SELECT priority FROM sla_open_task WHERE id = ?", Integer.class,
                    task.getId())).isEqualTo(77);
            assertThat(jdbc.queryForList("SELECT group_id FROM sla_open_task_group WHERE task_id = ?", String.class,
                    task.getId())).containsExactlyInAnyOrder("analyst", "manager");
            assertThat(jdbc.queryForObject("SELECT search_text FROM sla_open_task WHERE id = ?", String.class,
                    task.getId())).startsWith("upgrade probe");

            // an up-to-date database: a start reads nothing again (a deliberately stale column stays as it is)
            jdbc.update("UPDATE sla_open_task SET priority = 50 WHERE id = ?", task.getId());
            start();
            assertThat(jdbc.queryForObject("SELECT priority FROM sla_open_task WHERE id = ?", Integer.class,
                    task.getId())).isEqualTo(50);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    void start() throws Exception {
        for (ApplicationRunner runner : runners) {
            if (runner.getClass().getSimpleName().startsWith("OpenTaskRecordUpgrade")) {
                runner.run(new DefaultApplicationArguments());
            }
        }
    }
}
