package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.sync.ProcedureKind;
import java.time.Duration;

/** Told on the coordinator thread how long each step and each whole start, commit or reverse took. */
public interface ProcedureTimings {

    /** {@code took} runs from the step's first attempt in this process to its end, waits and retries included. */
    void stepFinished(ProcedureKind kind, int step, Duration took);

    /** {@code took} runs from the persisted begin of the procedure, so it spans a restart. */
    void procedureFinished(ProcedureKind kind, Duration took);
}
