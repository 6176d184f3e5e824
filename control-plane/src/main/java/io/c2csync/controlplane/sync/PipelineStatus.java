package io.c2csync.controlplane.sync;

import java.util.List;

/** The observed state of a connector pair. */
public record PipelineStatus(List<ConnectorStatus> connectors) {
    public PipelineStatus {
        connectors = List.copyOf(connectors);
    }

    public boolean allRunning() {
        return !connectors.isEmpty()
                && connectors.stream().allMatch(c -> c.state() == ConnectorState.RUNNING && c.failedTasks().isEmpty());
    }
}
