package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.SyncRecord;

/**
 * A long procedure in numbered steps. Each step is safe to run again: a crash after a step did its
 * work but before the next step was persisted repeats that step.
 */
public interface CutoverProcedure {

    ProcedureKind kind();

    /** "Commit", "Reverse": the word the step log lines start with. */
    String title();

    int stepCount();

    String describeStep(int step);

    StepResult runStep(int step, SyncRecord record);

    /** The record once every step is done: the end state, no running procedure. */
    SyncRecord finish(SyncRecord record);
}
