package io.c2csync.controlplane.sync;

import java.util.List;

/** The observed state of a connector pair. */
public record PipelineStatus(List<ConnectorStatus> connectors) {
    public PipelineStatus {
        connectors = List.copyOf(connectors);
    }

    /** Whether a connector or a task FAILED. */
    public boolean anyFailed() {
        return connectors.stream().anyMatch(ConnectorStatus::failed);
    }

    /** The failed tasks whose failure has this cause, with their connectors. */
    public List<FailedTask> failedTasks(ConnectorStatus.Cause cause) {
        return connectors.stream().flatMap(c -> c.failedTasks().stream()
                .filter(task -> task.cause() == cause).map(task -> new FailedTask(c.name(), task))).toList();
    }

    /** A failed task and the connector it belongs to. */
    public record FailedTask(String connector, ConnectorStatus.TaskFailure failure) {
    }

    public boolean allRunning() {
        return !connectors.isEmpty()
                && connectors.stream().allMatch(c -> c.state() == ConnectorState.RUNNING && c.failedTasks().isEmpty());
    }
}
