package io.c2csync.controlplane.sync;

import java.util.Objects;

/** The step a running procedure is at (1-based); persisted so a restart resumes there. */
public record ProcedureStep(ProcedureKind kind, int step) {
    public ProcedureStep {
        Objects.requireNonNull(kind, "kind");
        if (step < 1) {
            throw new IllegalArgumentException("steps are numbered from 1, got " + step);
        }
    }

    public static ProcedureStep first(ProcedureKind kind) {
        return new ProcedureStep(kind, 1);
    }

    public ProcedureStep next() {
        return new ProcedureStep(kind, step + 1);
    }
}
