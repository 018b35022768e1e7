package dev.attest.cases;

/** How urgent a case is; set by triage. The engine's task priority is {@link #taskPriority()}. */
public enum Priority {
    LOW(25), NORMAL(50), HIGH(75), URGENT(100);

    private final int taskPriority;

    Priority(int taskPriority) {
        this.taskPriority = taskPriority;
    }

    public int taskPriority() {
        return taskPriority;
    }
}
