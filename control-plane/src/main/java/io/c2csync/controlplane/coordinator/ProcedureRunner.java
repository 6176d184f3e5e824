package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.cutover.CutoverProcedure;
import io.c2csync.controlplane.cutover.StepResult;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.SyncRecord;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the persisted procedure step by step on the coordinator thread, logging "Commit step 3/6: ...". */
final class ProcedureRunner {
    private static final Logger log = LoggerFactory.getLogger(ProcedureRunner.class);

    private final Map<ProcedureKind, CutoverProcedure> procedures = new EnumMap<>(ProcedureKind.class);
    private final SyncRecordKeeper keeper;
    private final ScheduledExecutorService thread;
    private final Duration retryDelay;
    private volatile String warning;
    private ProcedureStep lastLoggedStep;

    ProcedureRunner(List<CutoverProcedure> procedures, SyncRecordKeeper keeper, ScheduledExecutorService thread,
            Duration retryDelay) {
        procedures.forEach(p -> this.procedures.put(p.kind(), p));
        this.keeper = keeper;
        this.thread = thread;
        this.retryDelay = retryDelay;
    }

    /** Why the running procedure is being retried, if it is. */
    Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /** Runs the procedure to its end in the background; a step that waits or fails is tried again later. */
    void advance() {
        if (keeper.current().flatMap(SyncRecord::runningProcedure).isEmpty()) {
            return;
        }
        try {
            if (!runSteps()) {
                scheduleRetry();
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
     * thrown. Returns false when a step waits (a retry is then scheduled).
     */
    boolean runNow() {
        if (runSteps()) {
            return true;
        }
        scheduleRetry();
        return false;
    }

    private boolean runSteps() {
        SyncRecord current = keeper.started();
        ProcedureStep step = current.procedure();
        CutoverProcedure procedure = procedures.get(step.kind());
        while (step.step() <= procedure.stepCount()) {
            logStepOnce(procedure, step);
            StepResult result = procedure.runStep(step.step(), current);
            if (result.stillWaitingFor().isPresent()) {
                warning = null;
                return false;
            }
            step = step.next();
            current = result.record().withProcedure(step);
            keeper.persist(current);
            warning = null;
        }
        keeper.persist(procedure.finish(current));
        log.info("{} completed; state {}", procedure.title(), keeper.started().state());
        return true;
    }

    private void scheduleRetry() {
        thread.schedule(this::advance, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
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
}
