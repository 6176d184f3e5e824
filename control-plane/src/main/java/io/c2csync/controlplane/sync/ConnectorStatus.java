package io.c2csync.controlplane.sync;

import java.util.List;
import java.util.Objects;

/** One connector of a pair as Connect reports it, with the reasons of its failed tasks. */
public record ConnectorStatus(String name, ConnectorState state, List<TaskFailure> failedTasks) {
    public ConnectorStatus {
        failedTasks = List.copyOf(failedTasks);
    }

    /** Whether the connector or one of its tasks FAILED. */
    public boolean failed() {
        return state == ConnectorState.FAILED || !failedTasks.isEmpty();
    }

    /** A FAILED task, the first line of its trace and what the whole trace says the failure is. */
    public record TaskFailure(int taskId, String reason, Cause cause) {
        public TaskFailure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }

        /** A failure that a restart may cure (a cluster or Kafka was away). */
        public TaskFailure(int taskId, String reason) {
            this(taskId, reason, Cause.OTHER);
        }

        /** e.g. {@code task 0 FAILED: <first line of the trace>}. */
        public String describe() {
            return "task " + taskId + " FAILED: " + reason;
        }
    }

    /** What a task's failure means for the sync. */
    public enum Cause {
        /** Anything a restart of the task may cure. */
        OTHER,
        /**
         * The source's change stream cannot resume: its resume point is older than the source's oplog (error 286).
         * A restart cannot cure it; resuming from anywhere else would skip events.
         */
        CHANGE_STREAM_HISTORY_LOST
    }
}
