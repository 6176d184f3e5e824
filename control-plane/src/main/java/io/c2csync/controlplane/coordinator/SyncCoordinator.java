package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.cutover.CommitProcedure;
import io.c2csync.controlplane.cutover.ReverseProcedure;
import io.c2csync.controlplane.cutover.ReverseRequirements;
import io.c2csync.controlplane.cutover.StartProcedure;
import io.c2csync.controlplane.progress.ChangeStreamHistoryLoss;
import io.c2csync.controlplane.progress.CommitReadiness;
import io.c2csync.controlplane.progress.Observation;
import io.c2csync.controlplane.progress.ProgressCalculator;
import io.c2csync.controlplane.progress.ProgressReport;
import io.c2csync.controlplane.sync.ClusterFacts;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ClusterRequirements;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
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
import io.c2csync.controlplane.sync.Verification;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The facade the API calls. Every command, procedure step and reconcile runs on one thread, so
 * two concurrent commits commit once; progress reads the last persisted record from any thread.
 */
public final class SyncCoordinator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncCoordinator.class);

    private final CoordinatorSettings settings;
    private final Clusters clusters;
    private final Pipeline pipeline;
    private final SyncRecordKeeper keeper;
    private final Observer observer;
    private final ProgressCalculator calculator;
    private final PipelineReconciler reconciler;
    private final ProcedureRunner procedures;
    private final StartUndo startUndo;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-coordinator");
        t.setDaemon(true);
        return t;
    });
    private final List<ProcedureTimings> timings = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile boolean recovered;

    public SyncCoordinator(CoordinatorSettings settings, Clusters clusters, Pipeline pipeline,
            ProgressSignals signals, Verification verification, SyncStateStore store, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.clusters = clusters;
        this.pipeline = pipeline;
        this.keeper = new SyncRecordKeeper(store);
        this.observer = new Observer(clusters, pipeline, signals);
        this.calculator = new ProgressCalculator(clock, settings.instanceId(), clusters);
        this.reconciler = new PipelineReconciler(pipeline);
        this.procedures = new ProcedureRunner(List.of(new StartProcedure(clusters, pipeline),
                new CommitProcedure(clusters, pipeline, verification), new ReverseProcedure(clusters, pipeline)),
                keeper, thread, settings.retryDelay(), clock, timings);
        this.startUndo = new StartUndo(clusters, pipeline, keeper);
        thread.execute(() -> MDC.put("syncId", settings.instanceId()));
    }

    /** INITIALIZING → the persisted state (IDLE when there is none), finishing what was running. */
    public void recover() {
        onCoordinatorThread(() -> {
            Optional<SyncRecord> loaded = keeper.loadPersisted();
            if (loaded.isPresent()) {
                SyncRecord persisted = loaded.get();
                persisted.clusters().requireSame(clusters.addresses());
                keeper.adopt(persisted);
                log.info("Recovered the sync in state {} ({} -> {})", persisted.state(),
                        persisted.direction().source().apiName(), persisted.direction().destination().apiName());
                reconciler.reconcileReporting(keeper.current());
                thread.execute(procedures::advance);
            } else {
                log.info("No persisted sync; IDLE");
            }
            recovered = true;
            long interval = settings.reconcileInterval().toMillis();
            thread.scheduleWithFixedDelay(() -> reconciler.reconcileReporting(keeper.current()), interval, interval,
                    TimeUnit.MILLISECONDS);
        });
    }

    /** Adds a listener told how long each procedure step and each whole procedure took. */
    public void addProcedureTimings(ProcedureTimings listener) {
        timings.add(listener);
    }

    public SyncState state() {
        Optional<SyncRecord> current = keeper.current();
        if (current.isPresent()) {
            return current.get().state();
        }
        return recovered ? SyncState.IDLE : SyncState.INITIALIZING;
    }

    public void start(SyncSpec spec) {
        onCoordinatorThread(() -> {
            decide(new SyncCommand.Start(spec));
            StartRules.check(spec);
            ClusterFacts source = inspect(spec.direction().source());
            ClusterFacts destination = inspect(spec.direction().destination());
            ClusterRequirements.checkForStart(spec, clusters, source, destination);
            SyncRecord starting = beginProcedure(StartProcedure.begin(SyncRecord.started(clusters.addresses(), spec,
                    source.userDatabases())));
            try {
                procedures.runNow();
            } catch (RuntimeException e) {
                startUndo.undo(starting, e);
                throw e;
            }
            log.info("Sync started: {} -> {}", clusters.describe(starting.direction().source()),
                    clusters.describe(starting.direction().destination()));
        });
    }

    public void pause() {
        onCoordinatorThread(() -> {
            SyncState next = decide(new SyncCommand.Pause());
            pipeline.pause(keeper.started().pair());
            keeper.persist(keeper.started().withState(next));
        });
    }

    public void resume() {
        onCoordinatorThread(() -> {
            SyncState next = decide(new SyncCommand.Resume());
            pipeline.resume(keeper.started().pair());
            keeper.persist(keeper.started().withState(next));
        });
    }

    /**
     * Checks readiness, enters COMMITTING and returns; the steps run on the coordinator thread. On a commit stopped
     * at a step, runs that step again instead.
     */
    public void commit() {
        onCoordinatorThread(() -> {
            decide(new SyncCommand.Commit());
            SyncRecord current = keeper.started();
            if (current.stopIfAny().isPresent()) {
                keeper.persist(current.withStop(null));
                log.info("Commit called again: running the stopped step {} again", current.procedure().step());
                thread.execute(procedures::advance);
                return;
            }
            Observation observation = observer.observe(keeper.started());
            Optional<SyncException> historyLost = observation.pipelineIfRead().flatMap(ChangeStreamHistoryLoss::in);
            if (historyLost.isPresent()) {
                throw historyLost.get();
            }
            List<String> unmet = CommitReadiness.unmetConditions(observation, calculator.lag(observation));
            if (!unmet.isEmpty()) {
                throw new SyncException(SyncError.COMMIT_NOT_READY, "cannot commit yet: " + String.join("; ", unmet));
            }
            beginProcedure(CommitProcedure.begin(keeper.started()));
            thread.execute(procedures::advance);
        });
    }

    /** Checks the reverse requirements, enters REVERSING and returns; the steps run on the coordinator thread. */
    public void reverse() {
        onCoordinatorThread(() -> {
            decide(new SyncCommand.Reverse());
            Map<ClusterName, ClusterFacts> facts = new EnumMap<>(ClusterName.class);
            for (ClusterName name : ClusterName.values()) {
                facts.put(name, inspect(name));
            }
            ReverseRequirements.check(keeper.started().spec(), clusters, facts);
            beginProcedure(ReverseProcedure.begin(keeper.started()));
            thread.execute(procedures::advance);
        });
    }

    /** The cluster's facts; a failure to get them names the cluster, so the user knows which string to fix. */
    private ClusterFacts inspect(ClusterName name) {
        try {
            return clusters.get(name).inspect();
        } catch (SyncException e) {
            throw new SyncException(e.error(), clusters.describe(name) + ": " + e.description(), e);
        }
    }

    /** Persists the procedure's first step together with its begin in the history, so both are seen at once. */
    private SyncRecord beginProcedure(SyncRecord begun) {
        SyncRecord withRun = begun.withRunBegun(begun.procedure().kind(), clock.instant());
        keeper.persist(withRun);
        return withRun;
    }

    public ProgressReport progress() {
        SyncState state = state();
        SyncStateMachine.decide(state, new SyncCommand.ReadProgress());
        Optional<SyncRecord> current = keeper.current();
        if (current.isEmpty()) {
            return calculator.withoutSync(state);
        }
        List<String> warnings = Stream.concat(procedures.stopWarnings().stream(),
                Stream.of(procedures.warning(), reconciler.warning(), reconciler.restartWarning())
                        .flatMap(Optional::stream)).toList();
        return calculator.report(current.get(), observer.observe(current.get()), warnings);
    }

    @Override
    public void close() {
        for (Runnable neverRun : thread.shutdownNow()) {
            if (neverRun instanceof Future<?> waitedOn) {
                waitedOn.cancel(false);
            }
        }
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The coordinator thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the coordinator thread", e);
        }
    }

    private SyncState decide(SyncCommand command) {
        Optional<SyncRecord> current = keeper.current();
        return SyncStateMachine.decide(state(), current.flatMap(SyncRecord::runningProcedure).map(ProcedureStep::kind),
                current.flatMap(SyncRecord::stopIfAny).isPresent(), command);
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
