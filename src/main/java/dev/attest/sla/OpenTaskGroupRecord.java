package dev.attest.sla;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A candidate group of an open task ({@link OpenTaskRecord}): one row per task and group, so that the task list's
 * "my groups" reads the tasks in its order and checks each by its key, instead of joining the engine's identity links
 * with DISTINCT. Written by {@link TaskLog} inside the engine's transaction; rows are read and written in SQL, the
 * entity only defines the schema.
 */
@Entity
@IdClass(OpenTaskGroupRecord.Key.class)
@Table(name = "sla_open_task_group", indexes = @Index(name = "ix_open_task_group", columnList = "groupId,taskId"))
public class OpenTaskGroupRecord {

    @Id
    @Column(length = 64)
    private String taskId;
    @Id
    @Column(length = 64)
    private String groupId;

    protected OpenTaskGroupRecord() {
    }

    /** The record's key. */
    public static class Key implements Serializable {
        private String taskId;
        private String groupId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(taskId, k.taskId) && Objects.equals(groupId, k.groupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, groupId);
        }
    }
}
