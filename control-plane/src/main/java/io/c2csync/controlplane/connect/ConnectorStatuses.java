package io.c2csync.controlplane.connect;

import io.c2csync.connect.ConnectState;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.ConnectorStatus.TaskFailure;
import java.util.List;

/**
 * Connect's status of a connector and its tasks as one state: RUNNING only when the connector and
 * every task run; a failed task is listed with the first line of its trace.
 */
final class ConnectorStatuses {
    private ConnectorStatuses() {
    }

    static ConnectorStatus missing(String name) {
        return new ConnectorStatus(name, ConnectorState.MISSING, List.of());
    }

    static ConnectorStatus of(io.c2csync.connect.ConnectorStatus status) {
        List<TaskFailure> failures = status.tasks().stream()
                .filter(task -> task.state() == ConnectState.FAILED)
                .map(task -> new TaskFailure(task.id(), firstLine(task.trace())))
                .toList();
        return new ConnectorStatus(status.name(), state(status), failures);
    }

    private static ConnectorState state(io.c2csync.connect.ConnectorStatus status) {
        ConnectState connector = status.connector().state();
        if (connector != ConnectState.RUNNING) {
            return convert(connector);
        }
        if (status.tasks().isEmpty()) {
            return ConnectorState.UNASSIGNED;
        }
        return status.tasks().stream().map(io.c2csync.connect.ConnectorStatus.Task::state)
                .filter(task -> task != ConnectState.RUNNING)
                .findFirst().map(ConnectorStatuses::convert).orElse(ConnectorState.RUNNING);
    }

    private static ConnectorState convert(ConnectState state) {
        return switch (state) {
            case RUNNING -> ConnectorState.RUNNING;
            case PAUSED -> ConnectorState.PAUSED;
            case STOPPED -> ConnectorState.STOPPED;
            case UNASSIGNED -> ConnectorState.UNASSIGNED;
            case RESTARTING -> ConnectorState.RESTARTING;
            case FAILED -> ConnectorState.FAILED;
            case DESTROYED -> ConnectorState.MISSING;
        };
    }

    private static String firstLine(String trace) {
        if (trace == null || trace.isBlank()) {
            return "no trace reported";
        }
        return trace.strip().lines().findFirst().orElse(trace);
    }
}
