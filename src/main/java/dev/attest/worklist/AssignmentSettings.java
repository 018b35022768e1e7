package dev.attest.worklist;

import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Assignment's settings ({@code attest.assignment.*}).
 *
 * @param automatic which new tasks are given to a person at once instead of waiting in their groups
 */
@ConfigurationProperties(prefix = "attest.assignment")
public record AssignmentSettings(@DefaultValue Automatic automatic) {

    private static final Pattern TASK_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");

    /**
     * Automatic assignment, opt-in per task type.
     *
     * @param taskKeys the task definition keys (BPMN ids such as {@code Task_ReviewDocument}) whose new tasks go to
     *        the available candidate with the least open work; empty (the default): none, every task waits in its
     *        groups to be claimed
     */
    public record Automatic(@DefaultValue Set<String> taskKeys) {

        public Automatic {
            taskKeys = taskKeys == null ? Set.of() : Set.copyOf(taskKeys);
            for (String key : taskKeys) {
                if (!TASK_KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException("attest.assignment.automatic.task-keys must list task "
                            + "definition keys (BPMN ids such as Task_ReviewDocument), not '" + key + "'");
                }
            }
        }
    }

    public AssignmentSettings {
        automatic = automatic == null ? new Automatic(Set.of()) : automatic;
    }

    /** Whether new tasks of this type are assigned automatically. */
    public boolean automatic(String taskKey) {
        return taskKey != null && automatic.taskKeys().contains(taskKey);
    }
}
