package io.c2csync.controlplane.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why a procedure stopped at a step instead of retrying it: the data on the destination is wrong, so no retry can
 * help until someone looks. Persisted, so a restart stays stopped too; calling the procedure's API call again reruns
 * the step.
 *
 * @param description one paragraph naming what is wrong and where (e.g. the first differing namespaces and _ids)
 * @param details one line per finding, shown as {@code /progress} warnings
 */
public record ProcedureFailure(SyncError error, String description, List<String> details) {

    public ProcedureFailure {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(description, "description");
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** The warnings {@code /progress} shows while the procedure is stopped: the error first, then each finding. */
    public List<String> warnings(String stepName) {
        List<String> warnings = new ArrayList<>();
        warnings.add(stepName + " stopped with " + error.errorName() + ": " + description);
        warnings.addAll(details);
        return warnings;
    }
}
