package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.cutover.CommitProcedure;
import io.c2csync.controlplane.cutover.CutoverProcedure;
import io.c2csync.controlplane.cutover.ReverseProcedure;
import io.c2csync.controlplane.cutover.ReverseRequirements;
import io.c2csync.controlplane.cutover.StartProcedure;
import io.c2csync.controlplane.cutover.StepResult;
import io.c2csync.controlplane.progress.CommitReadiness;
import io.c2csync.controlplane.progress.Observation;
import io.c2csync.controlplane.progress.ProgressCalculator;
import io.c2csync.controlplane.progress.ProgressReport;
import io.c2csync.controlplane.sync.ClusterFacts;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ClusterRequirements;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.ProgressSignals;
import io.c2csync.controlplane.sync.StartRules;
import io.c2csync.controlplane.sync.SyncCommand;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.SyncStateMachine;
import io.c2csync.controlplane.sync.SyncStateStore;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade the API calls. Every command and every procedure step runs on one thread, so two
 * concurrent commits commit once; progress reads the last persisted record from any thread.
 */
public final class SyncCoordinator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncCoordinator.class);

    private final CoordinatorSettings settings;
    private final Clusters clusters;
    private final Pipeline pipeline;
    private final SyncStateStore store;
    private final Observer observer;
    private final PipelineReconciler reconciler;
    private final ProgressCalculator calculator;
    private final Map<ProcedureKind, CutoverProcedure> procedures = new EnumMap<>(ProcedureKind.class);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-coordinator");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean recovered;
    private volatile SyncRecord record;
    private volatile String procedureWarning;
    private volatile String reconcileWarning;
    private ProcedureStep lastLoggedStep;

    public SyncCoordinator(CoordinatorSettings settings, Clusters clusters, Pipeline pipeline,
            ProgressSignals signals, SyncStateStore store, Clock clock) {
        this.settings = settings;
        this.clusters = clusters;
        this.pipeline = pipeline;
        this.store = store;
        this.observer = new Observer(clusters, pipeline, signals);
        this.reconciler = new PipelineReconciler(pipeline);
        this.calculator = new ProgressCalculator(clock, settings.instanceId(), clusters);
        procedures.put(ProcedureKind.START, new StartProcedure(clusters, pipeline));
        procedures.put(ProcedureKind.COMMIT, new CommitProcedure(clusters, pipeline));
        procedures.put(ProcedureKind.REVERSE, new ReverseProcedure(clusters, pipeline));
    }

    /** INITIALIZING → the persisted state (IDLE when there is none), finishing what was running. */
    public void recover() {
        onCoordinatorThread(() -> {
            Optional<SyncRecord> loaded = store.load();
            if (loaded.isPresent()) {
                SyncRecord persisted = loaded.get();
                if (!persisted.clusters().equals(clusters.addresses())) {
                    throw new IllegalStateException("the persisted sync runs between " + persisted.clusters()
                            + " but this process was given " + clusters.addresses()
                            + "; refusing to start so that source and destination are never swapped by accident");
                }
                record = persisted;
                log.info("Recovered the sync in state {} ({} -> {})", persisted.state(),
                        persisted.direction().source().apiName(), persisted.direction().destination().apiName());
                persisted.runningProcedure().ifPresentOrElse(
                        running -> thread.execute(this::advanceProcedure), this::reconcilePipeline);
            } else {
                log.info("No persisted sync; IDLE");
            }
            recovered = true;
            long interval = settings.reconcileInterval().toMillis();
            thread.scheduleWithFixedDelay(this::reconcilePipeline, interval, interval, TimeUnit.MILLISECONDS);
        });
    }

    public SyncState state() {
        SyncRecord current = record;
        if (current != null) {
            return current.state();
        }
        return recovered ? SyncState.IDLE : SyncState.INITIALIZING;
    }

    public void start(SyncSpec spec) {
        onCoordinatorThread(() -> {
            decide(new SyncCommand.Start(spec));
            StartRules.check(spec);
            ClusterFacts source = clusters.get(spec.direction().source()).inspect();
            ClusterFacts destination = clusters.get(spec.direction().destination()).inspect();
            ClusterRequirements.checkForStart(spec, clusters, source, destination);
            SyncRecord starting = StartProcedure.begin(SyncRecord.started(clusters.addresses(), spec));
            persist(starting);
            try {
                if (!runProcedureSteps()) {
                    scheduleProcedureRetry();
                }
            } catch (RuntimeException e) {
                abandonStart(starting, e);
                throw e;
            }
            log.info("Sync started: {} -> {}", clusters.describe(starting.direction().source()),
                    clusters.describe(starting.direction().destination()));
        });
    }

    public void pause() {
        onCoordinatorThread(() -> {
            SyncState next = decide(new SyncCommand.Pause());
            pipeline.pause(record.pair());
            persist(record.withState(next));
        });
    }

    public void resume() {
        onCoordinatorThread(() -> {
            SyncState next = decide(new SyncCommand.Resume());
            pipeline.resume(record.pair());
            persist(record.withState(next));
        });
    }

    /** Checks readiness, enters COMMITTING and returns; the steps run on the coordinator thread. */
    public void commit() {
        onCoordinatorThread(() -> {
            decide(new SyncCommand.Commit());
            Observation observation = observer.observe(record);
            List<String> unmet = CommitReadiness.unmetConditions(observation, calculator.lag(observation));
            if (!unmet.isEmpty()) {
                throw new SyncException(SyncError.COMMIT_NOT_READY, "cannot commit yet: " + String.join("; ", unmet));
            }
            persist(CommitProcedure.begin(record));
            thread.execute(this::advanceProcedure);
        });
    }

    /** Checks the reverse requirements, enters REVERSING and returns; the steps run on the coordinator thread. */
    public void reverse() {
        onCoordinatorThread(() -> {
            decide(new SyncCommand.Reverse());
            Map<ClusterName, ClusterFacts> facts = new EnumMap<>(ClusterName.class);
            for (ClusterName name : ClusterName.values()) {
                facts.put(name, clusters.get(name).inspect());
            }
            ReverseRequirements.check(record.spec(), clusters, facts);
            persist(ReverseProcedure.begin(record));
            thread.execute(this::advanceProcedure);
        });
    }

    public ProgressReport progress() {
        SyncState state = state();
        SyncStateMachine.decide(state, new SyncCommand.ReadProgress());
        SyncRecord current = record;
        if (current == null) {
            return ProgressReport.withoutSync(state);
        }
        List<String> warnings = Stream.of(procedureWarning, reconcileWarning).filter(Objects::nonNull).toList();
        return calculator.report(current, observer.observe(current), warnings);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The coordinator thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the coordinator thread", e);
        }
    }

    /**
     * Runs on the coordinator thread, not while a procedure drives the connectors; a failure
     * becomes a warning and the next run tries again.
     */
    private void reconcilePipeline() {
        SyncRecord current = record;
        if (current == null || current.runningProcedure().isPresent()) {
            return;
        }
        try {
            reconciler.reconcile(current).forEach(action -> log.info("Reconciled the connectors: {}", action));
            reconcileWarning = null;
        } catch (SyncException e) {
            reconcileWarning = "the connectors could not be checked against the " + current.state() + " state: "
                    + e.description();
            log.warn("Reconciling the connectors failed; retrying in {}", settings.reconcileInterval(), e);
        } catch (RuntimeException e) {
            reconcileWarning = "reconciling the connectors failed: " + e;
            log.error("Reconciling the connectors failed unexpectedly; retrying in {}", settings.reconcileInterval(), e);
        }
    }

    /** Runs on the coordinator thread; a step that waits or fails is tried again after the retry delay. */
    private void advanceProcedure() {
        SyncRecord current = record;
        if (current == null || current.runningProcedure().isEmpty()) {
            return;
        }
        try {
            if (!runProcedureSteps()) {
                scheduleProcedureRetry();
            }
        } catch (RuntimeException e) {
            String step = stepName(record.procedure());
            procedureWarning = step + " failed, retrying: " + e.getMessage();
            log.warn("{} failed; retrying in {}", step, settings.retryDelay(), e);
            scheduleProcedureRetry();
        }
    }

    /** Runs the running procedure from its persisted step; false when a step waits for something. */
    private boolean runProcedureSteps() {
        SyncRecord current = record;
        ProcedureStep step = current.procedure();
        CutoverProcedure procedure = procedures.get(step.kind());
        while (step.step() <= procedure.stepCount()) {
            logStepOnce(procedure, step);
            StepResult result = procedure.runStep(step.step(), current);
            if (result.stillWaitingFor().isPresent()) {
                procedureWarning = null;
                return false;
            }
            step = step.next();
            current = result.record().withProcedure(step);
            persist(current);
            procedureWarning = null;
        }
        persist(procedure.finish(current));
        log.info("{} completed; state {}", procedure.title(), record.state());
        return true;
    }

    private void scheduleProcedureRetry() {
        thread.schedule(this::advanceProcedure, settings.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Undoes what a failed start did, so that the sync is IDLE again; what cannot be undone is logged. */
    private void abandonStart(SyncRecord starting, RuntimeException failure) {
        log.warn("Start failed; undoing it", failure);
        undo(failure, "removing connector pair " + starting.pair().generation(),
                () -> pipeline.remove(starting.pair()));
        if (starting.spec().writeBlocking().blocksDestination()) {
            ClusterName destination = starting.direction().destination();
            undo(failure, "lifting user write blocking on " + clusters.describe(destination),
                    () -> clusters.get(destination).setUserWriteBlocking(false));
        }
        undo(failure, "forgetting the started sync", () -> {
            store.clear();
            record = null;
        });
    }

    private static void undo(RuntimeException failure, String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.error("Undoing the failed start: {} failed; do it by hand", what, e);
        }
    }

    private SyncState decide(SyncCommand command) {
        SyncRecord current = record;
        Optional<ProcedureKind> running = current == null ? Optional.empty()
                : current.runningProcedure().map(ProcedureStep::kind);
        return SyncStateMachine.decide(state(), running, command);
    }

    private void logStepOnce(CutoverProcedure procedure, ProcedureStep step) {
        if (!step.equals(lastLoggedStep)) {
            log.info("{}: {}", stepName(step), procedure.describeStep(step.step()));
            lastLoggedStep = step;
        }
    }

    private String stepName(ProcedureStep step) {
        CutoverProcedure procedure = procedures.get(step.kind());
        return procedure.title() + " step " + step.step() + "/" + procedure.stepCount();
    }

    private void persist(SyncRecord next) {
        store.save(next);
        record = next;
    }

    private void onCoordinatorThread(Runnable command) {
        Future<?> done;
        try {
            done = thread.submit(command);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the sync coordinator is closed", e);
        }
        try {
            done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the sync coordinator failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sync coordinator", e);
        }
    }
}
