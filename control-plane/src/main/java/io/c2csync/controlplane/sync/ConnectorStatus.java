package io.c2csync.controlplane.sync;

import java.util.List;

/** One connector of a pair as Connect reports it, with the reasons of its failed tasks. */
public record ConnectorStatus(String name, ConnectorState state, List<TaskFailure> failedTasks) {
    public ConnectorStatus {
        failedTasks = List.copyOf(failedTasks);
    }

    /** A FAILED task and the first line of its trace. */
    public record TaskFailure(int taskId, String reason) {
    }
}
