package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.SyncRecord;
import java.util.Optional;

/** A step either finished (with the record it leaves behind) or waits for something. */
public record StepResult(SyncRecord record, String waitingFor) {

    public static StepResult done(SyncRecord record) {
        return new StepResult(record, null);
    }

    public static StepResult waiting(SyncRecord record, String waitingFor) {
        return new StepResult(record, java.util.Objects.requireNonNull(waitingFor, "waitingFor"));
    }

    public Optional<String> stillWaitingFor() {
        return Optional.ofNullable(waitingFor);
    }
}
