package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.SyncRecord;
import java.util.List;

/**
 * The side effects of {@code /start}, persisted step by step so that a crash in the middle is
 * finished by the restart instead of leaving a blocked destination and an orphan pair behind.
 */
public final class StartProcedure extends NumberedProcedure {
    private static final List<String> STEPS = List.of(
        "blocking user writes on the destination",
        "deploying the connector pair for the initial copy");

    public StartProcedure(Clusters clusters, Pipeline pipeline) {
        super(ProcedureKind.START, "Start", STEPS, clusters, pipeline);
    }

    /** The record as the start call persists it, before the first step: RUNNING, as the caller will see it. */
    public static SyncRecord begin(SyncRecord started) {
        return started.withProcedure(ProcedureStep.first(ProcedureKind.START));
    }

    @Override
    public StepResult runStep(int step, SyncRecord record) {
        switch (step) {
            case 1 -> {
                if (record.spec().writeBlocking().blocksDestination()) {
                    clusters.get(record.direction().destination()).setUserWriteBlocking(true);
                }
            }
            case 2 -> pipeline.deploy(record.currentPair());
            default -> throw new IllegalArgumentException("start has no step " + step);
        }
        return StepResult.done(record);
    }

    @Override
    public SyncRecord finish(SyncRecord record) {
        return record.withProcedure(null);
    }
}
