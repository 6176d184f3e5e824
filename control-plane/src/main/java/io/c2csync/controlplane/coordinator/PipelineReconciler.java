package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncStateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the connectors Connect reports (observed) match the persisted sync state (desired). */
final class PipelineReconciler {
    private static final Logger log = LoggerFactory.getLogger(PipelineReconciler.class);
    private static final Set<ConnectorState> NOT_RUNNING = Set.of(ConnectorState.PAUSED, ConnectorState.STOPPED);

    private final Pipeline pipeline;
    private volatile String warning;

    PipelineReconciler(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Why the last reconcile failed, if it did. */
    Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /**
     * Reconciles a started sync unless a procedure drives the connectors; a failure becomes the
     * warning, and the next run tries again.
     */
    void reconcileReporting(Optional<SyncRecord> sync) {
        if (sync.isEmpty() || sync.get().runningProcedure().isPresent()) {
            return;
        }
        SyncRecord record = sync.get();
        try {
            reconcile(record).forEach(action -> log.info("Reconciled the connectors: {}", action));
            warning = null;
        } catch (SyncException e) {
            warning = "the connectors could not be checked against the " + record.state() + " state: "
                    + e.description();
            log.warn("Reconciling the connectors failed", e);
        } catch (RuntimeException e) {
            warning = "reconciling the connectors failed: " + e;
            log.error("Reconciling the connectors failed unexpectedly", e);
        }
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
