package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncStateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Makes the connectors Connect reports (observed) match the persisted sync state (desired). */
final class PipelineReconciler {
    private static final Set<ConnectorState> NOT_RUNNING = Set.of(ConnectorState.PAUSED, ConnectorState.STOPPED);

    private final Pipeline pipeline;

    PipelineReconciler(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Returns what it changed, for the log; empty when nothing differed. */
    List<String> reconcile(SyncRecord record) {
        Optional<ConnectorState> desired = SyncStateMachine.desiredConnectorState(record.state());
        if (desired.isEmpty()) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        PipelineStatus observed = pipeline.status(record.pair());
        if (any(observed, c -> c.state() == ConnectorState.MISSING)) {
            pipeline.deploy(record.currentPair());
            actions.add("deployed pair " + record.pair().generation() + " again: a connector was missing");
            observed = pipeline.status(record.pair());
        }
        if (desired.get() == ConnectorState.RUNNING && any(observed, c -> NOT_RUNNING.contains(c.state()))) {
            pipeline.resume(record.pair());
            actions.add("resumed pair " + record.pair().generation() + ": the sync is " + record.state());
        }
        if (desired.get() == ConnectorState.PAUSED && any(observed, c -> c.state() == ConnectorState.RUNNING)) {
            pipeline.pause(record.pair());
            actions.add("paused pair " + record.pair().generation() + ": the sync is " + record.state());
        }
        return actions;
    }

    private static boolean any(PipelineStatus status, Predicate<ConnectorStatus> condition) {
        return status.connectors().stream().anyMatch(condition);
    }
}
