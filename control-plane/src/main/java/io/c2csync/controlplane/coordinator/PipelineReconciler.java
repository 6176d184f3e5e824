package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.progress.ChangeStreamHistoryLoss;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.SyncStateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the connectors Connect reports (observed) match the persisted sync state (desired), and restarts
 * connectors whose tasks failed (Connect never does): a cluster or Kafka that was away for a while fails a task,
 * and it resumes from its offsets once restarted. A source whose resume point left the oplog is never restarted.
 */
final class PipelineReconciler {
    private static final Logger log = LoggerFactory.getLogger(PipelineReconciler.class);
    private static final Set<ConnectorState> NOT_RUNNING = Set.of(ConnectorState.PAUSED, ConnectorState.STOPPED);
    /** States whose pair stays deployed, so a failed connector of it is restarted (also during a commit). */
    private static final Set<SyncState> RESTARTING_FAILED = Set.of(SyncState.RUNNING, SyncState.PAUSED,
            SyncState.COMMITTING, SyncState.COMMITTED);

    private final Pipeline pipeline;
    private volatile String warning;
    private volatile String restartWarning;
    private int restartsInARow;
    private boolean historyLossLogged;

    PipelineReconciler(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Why the last reconcile failed, if it did. */
    Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /** The failed connectors restarted last, while some still fail. */
    Optional<String> restartWarning() {
        return Optional.ofNullable(restartWarning);
    }

    /**
     * Reconciles a started sync unless a procedure other than the commit drives the connectors (the commit's
     * failed connectors are restarted, nothing else); a failure becomes the warning, and the next run tries again.
     */
    void reconcileReporting(Optional<SyncRecord> sync) {
        if (sync.isEmpty()) {
            return;
        }
        SyncRecord record = sync.get();
        Optional<ProcedureKind> procedure = record.runningProcedure().map(ProcedureStep::kind);
        if (procedure.isPresent() && procedure.get() != ProcedureKind.COMMIT) {
            return;
        }
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

    /** Returns what it changed, for the log; empty when nothing differed. Reads the pair's status once. */
    List<String> reconcile(SyncRecord record) {
        Optional<ConnectorState> desired = record.runningProcedure().isEmpty()
                ? SyncStateMachine.desiredConnectorState(record.state()) : Optional.empty();
        boolean restarting = RESTARTING_FAILED.contains(record.state());
        if (desired.isEmpty() && !restarting) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        PipelineStatus observed = pipeline.status(record.pair());
        if (desired.isPresent()) {
            observed = matchDesiredState(record, desired.get(), observed, actions);
        }
        if (restarting) {
            actions.addAll(restartFailed(record, observed));
        }
        return actions;
    }

    /** Adds what it changed to {@code actions}; returns the status to go on with (read again after a redeploy). */
    private PipelineStatus matchDesiredState(SyncRecord record, ConnectorState desired, PipelineStatus observed,
            List<String> actions) {
        if (any(observed, c -> c.state() == ConnectorState.MISSING)) {
            pipeline.deploy(record.currentPair());
            actions.add("deployed pair " + record.pair().generation() + " again: a connector was missing");
            observed = pipeline.status(record.pair());
        }
        if (desired == ConnectorState.RUNNING && any(observed, c -> NOT_RUNNING.contains(c.state()))) {
            pipeline.resume(record.pair());
            actions.add("resumed pair " + record.pair().generation() + ": the sync is " + record.state());
        }
        if (desired == ConnectorState.PAUSED && any(observed, c -> c.state() == ConnectorState.RUNNING)) {
            pipeline.pause(record.pair());
            actions.add("paused pair " + record.pair().generation() + ": the sync is " + record.state());
        }
        return observed;
    }

    private List<String> restartFailed(SyncRecord record, PipelineStatus observed) {
        Optional<SyncException> historyLost = ChangeStreamHistoryLoss.in(observed);
        if (historyLost.isPresent()) {
            if (!historyLossLogged) {
                log.error("Not restarting the connectors of pair {}: {}: {}", record.pair().generation(),
                        historyLost.get().error().errorName(), historyLost.get().description());
                historyLossLogged = true;
            }
            restartWarning = null;
            return List.of();
        }
        historyLossLogged = false;
        if (!observed.anyFailed()) {
            restartsInARow = 0;
            restartWarning = null;
            return List.of();
        }
        pipeline.restartFailed(record.pair());
        restartsInARow++;
        restartWarning = "restarted the failed connectors of pair " + record.pair().generation() + " ("
                + restartsInARow + (restartsInARow == 1 ? " time" : " times in a row") + "): " + failures(observed);
        return List.of(restartWarning);
    }

    private static String failures(PipelineStatus observed) {
        return observed.connectors().stream()
                .filter(ConnectorStatus::failed)
                .map(c -> c.name() + (c.failedTasks().isEmpty() ? " FAILED" : c.failedTasks().stream()
                        .map(task -> " " + task.describe())
                        .collect(Collectors.joining(";"))))
                .collect(Collectors.joining(", "));
    }

    private static boolean any(PipelineStatus status, Predicate<ConnectorStatus> condition) {
        return status.connectors().stream().anyMatch(condition);
    }
}
