package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.cutover.CutoverProcedure;
import io.c2csync.controlplane.cutover.StepResult;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.SyncRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the persisted procedure step by step on the coordinator thread, logging "Commit step 3/6: ..."
 * and "Commit step 3/6 done in 812 ms", and keeping the procedure's begin and end in the record's history.
 */
final class ProcedureRunner {
    private static final Logger log = LoggerFactory.getLogger(ProcedureRunner.class);
    /**
     * The first pause after a step that waits; each further wait of the same step doubles it, up to
     * {@link #LONGEST_WAIT} (and never beyond the retry delay). A commit's waiting steps (the commit marker's arrival,
     * the final check) usually end within a few hundred milliseconds, and each of their polls reads a few small
     * documents, so the full retry delay after each wait would add up to a second each to the cutover.
     */
    static final Duration FIRST_WAIT = Duration.ofMillis(25);
    static final Duration LONGEST_WAIT = Duration.ofMillis(200);

    private final Map<ProcedureKind, CutoverProcedure> procedures = new EnumMap<>(ProcedureKind.class);
    private final SyncRecordKeeper keeper;
    private final ScheduledExecutorService thread;
    private final Duration retryDelay;
    private final Clock clock;
    private final List<ProcedureTimings> timings;
    private volatile String warning;
    private ProcedureStep lastLoggedStep;
    private Instant stepStartedAt;
    /** Consecutive waits of the current step. */
    private int waits;

    /** {@code timings} is read at each event, so listeners added later are told too. */
    ProcedureRunner(List<CutoverProcedure> procedures, SyncRecordKeeper keeper, ScheduledExecutorService thread,
            Duration retryDelay, Clock clock, List<ProcedureTimings> timings) {
        procedures.forEach(p -> this.procedures.put(p.kind(), p));
        this.keeper = keeper;
        this.thread = thread;
        this.retryDelay = retryDelay;
        this.clock = clock;
        this.timings = timings;
    }

    /** Why the running procedure is being retried, if it is. */
    Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /** The warnings of a procedure stopped at a step: the error, then each finding; empty when none is stopped. */
    List<String> stopWarnings() {
        return keeper.current().flatMap(record -> record.stopIfAny()
                .map(failure -> failure.warnings(stepName(record.procedure())))).orElse(List.of());
    }

    /**
     * Runs the procedure to its end in the background; a step that waits or fails is tried again later. A procedure
     * stopped at a step stays there until the step is asked for again.
     */
    void advance() {
        Optional<SyncRecord> current = keeper.current();
        if (current.flatMap(SyncRecord::runningProcedure).isEmpty() || current.get().stopIfAny().isPresent()) {
            return;
        }
        try {
            if (runSteps() == Outcome.WAITING) {
                scheduleAfterWait();
            }
        } catch (RuntimeException e) {
            String step = stepName(keeper.started().procedure());
            warning = step + " failed, retrying: " + e.getMessage();
            log.warn("{} failed; retrying in {}", step, retryDelay, e);
            scheduleRetry();
        }
    }

    /**
     * Runs the procedure from its persisted step, persisting each step done; the first failure is
     * thrown. When a step waits, a retry is scheduled.
     */
    void runNow() {
        if (runSteps() == Outcome.WAITING) {
            scheduleAfterWait();
        }
    }

    private enum Outcome { FINISHED, WAITING, STOPPED }

    private Outcome runSteps() {
        SyncRecord current = beginRun(keeper.started());
        ProcedureStep step = current.procedure();
        CutoverProcedure procedure = procedures.get(step.kind());
        while (step.step() <= procedure.stepCount()) {
            logStepOnce(procedure, step);
            StepResult result = procedure.runStep(step.step(), current);
            if (result.stillWaitingFor().isPresent()) {
                warning = null;
                return Outcome.WAITING;
            }
            if (result.stoppedBy().isPresent()) {
                keeper.persist(result.record().withStop(result.stoppedBy().get()));
                warning = null;
                log.error("{} stopped with {}: {}", stepName(step), result.stoppedBy().get().error().errorName(),
                        result.stoppedBy().get().description());
                lastLoggedStep = null;
                return Outcome.STOPPED;
            }
            ProcedureStep done = step;
            step = step.next();
            current = result.record().withProcedure(step);
            keeper.persist(current);
            warning = null;
            stepFinished(done);
        }
        Instant finishedAt = clock.instant();
        Duration took = current.openRun().map(run -> Duration.between(run.startedAt(), finishedAt))
                .orElseThrow(() -> new IllegalStateException("the procedure run was not begun"));
        keeper.persist(procedure.finish(current).withRunFinished(finishedAt));
        log.info("{} completed in {} ms; state {}", procedure.title(), took.toMillis(), keeper.started().state());
        timings.forEach(t -> t.procedureFinished(procedure.kind(), took));
        return Outcome.FINISHED;
    }

    /** Notes in the persisted history when the procedure began, the first time it runs. */
    private SyncRecord beginRun(SyncRecord current) {
        SyncRecord begun = current.withRunBegun(current.procedure().kind(), clock.instant());
        if (!begun.equals(current)) {
            keeper.persist(begun);
        }
        return begun;
    }

    private void stepFinished(ProcedureStep done) {
        Duration took = Duration.between(stepStartedAt, clock.instant());
        log.info("{} done in {} ms", stepName(done), took.toMillis());
        timings.forEach(t -> t.stepFinished(done.kind(), done.step(), took));
    }

    private void scheduleRetry() {
        waits = 0;
        thread.schedule(this::advance, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduleAfterWait() {
        long delay = Math.min(Math.min(retryDelay.toMillis(), LONGEST_WAIT.toMillis()), FIRST_WAIT.toMillis() << Math.min(waits, 16));
        waits++;
        thread.schedule(this::advance, delay, TimeUnit.MILLISECONDS);
    }

    private void logStepOnce(CutoverProcedure procedure, ProcedureStep step) {
        if (!step.equals(lastLoggedStep)) {
            log.info("{}: {}", stepName(step), procedure.describeStep(step.step()));
            lastLoggedStep = step;
            stepStartedAt = clock.instant();
            waits = 0;
        }
    }

    private String stepName(ProcedureStep step) {
        CutoverProcedure procedure = procedures.get(step.kind());
        return procedure.title() + " step " + step.step() + "/" + procedure.stepCount();
    }
}
