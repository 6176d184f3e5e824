package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.ProcedureFailure;
import io.c2csync.controlplane.sync.SyncRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * A step either finished (with the record it leaves behind), waits for something, or stopped the procedure
 * because retrying cannot help ({@link ProcedureFailure}).
 */
public record StepResult(SyncRecord record, String waitingFor, ProcedureFailure failure) {

    public static StepResult done(SyncRecord record) {
        return new StepResult(record, null, null);
    }

    public static StepResult waiting(SyncRecord record, String waitingFor) {
        return new StepResult(record, Objects.requireNonNull(waitingFor, "waitingFor"), null);
    }

    public static StepResult stopped(SyncRecord record, ProcedureFailure failure) {
        return new StepResult(record, null, Objects.requireNonNull(failure, "failure"));
    }

    public Optional<String> stillWaitingFor() {
        return Optional.ofNullable(waitingFor);
    }

    public Optional<ProcedureFailure> stoppedBy() {
        return Optional.ofNullable(failure);
    }
}
