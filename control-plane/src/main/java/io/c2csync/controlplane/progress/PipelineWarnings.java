package io.c2csync.controlplane.progress;

import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.SyncStateMachine;
import java.util.ArrayList;
import java.util.List;

/** Warnings from comparing the desired state with what Connect reports. */
public final class PipelineWarnings {
    private PipelineWarnings() {
    }

    public static List<String> of(SyncState desired, PipelineStatus observed) {
        List<String> warnings = new ArrayList<>();
        ChangeStreamHistoryLoss.warning(observed).ifPresent(warnings::add);
        for (ConnectorStatus connector : observed.connectors()) {
            connector.failedTasks().forEach(task -> warnings.add(
                    "connector " + connector.name() + " " + task.describe()));
            SyncStateMachine.desiredConnectorState(desired)
                    .filter(expected -> connector.state() != expected)
                    .ifPresent(expected -> warnings.add("connector " + connector.name() + " is " + connector.state()
                            + " but the sync is " + desired + " (expected " + expected + ")"));
        }
        return warnings;
    }
}
