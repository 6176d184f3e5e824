package io.c2csync.controlplane.connect;

import io.c2csync.connect.ConnectState;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.ConnectorStatus.Cause;
import io.c2csync.controlplane.sync.ConnectorStatus.TaskFailure;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Connect's status of a connector and its tasks as one state: RUNNING only when the connector and
 * every task run; a failed task is listed with the first line of its trace and the cause its whole
 * trace names (mongo-kafka wraps the server's error, so it shows only in a "Caused by" line).
 */
final class ConnectorStatuses {
    /** The server's error 286 as the Java driver words it: {@code Command failed with error 286 (ChangeStreamHistoryLost)}. */
    private static final Pattern HISTORY_LOST = Pattern.compile("ChangeStreamHistoryLost|error 286\\b");

    private ConnectorStatuses() {
    }

    static ConnectorStatus missing(String name) {
        return new ConnectorStatus(name, ConnectorState.MISSING, List.of());
    }

    static ConnectorStatus of(io.c2csync.connect.ConnectorStatus status) {
        List<TaskFailure> failures = status.tasks().stream()
                .filter(task -> task.state() == ConnectState.FAILED)
                .map(task -> new TaskFailure(task.id(), firstLine(task.trace()), cause(task.trace())))
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

    static Cause cause(String trace) {
        return trace != null && HISTORY_LOST.matcher(trace).find() ? Cause.CHANGE_STREAM_HISTORY_LOST : Cause.OTHER;
    }

    private static String firstLine(String trace) {
        if (trace == null || trace.isBlank()) {
            return "no trace reported";
        }
        return trace.strip().lines().findFirst().orElse(trace);
    }
}
