package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import java.util.List;

/**
 * The contract's reverse, after the state went REVERSING: a mirrored pair from the time the old
 * destination was opened, so nothing is copied twice and no write made since is missed.
 */
public final class ReverseProcedure extends NumberedProcedure {
    private static final List<String> STEPS = List.of(
        "deploying the mirrored connector pair from the recorded destination cluster time",
        "removing the old connector pair",
        "keeping user writes blocked on the old source");

    public ReverseProcedure(Clusters clusters, Pipeline pipeline) {
        super(ProcedureKind.REVERSE, "Reverse", STEPS, clusters, pipeline);
    }

    @Override
    public StepResult runStep(int step, SyncRecord record) {
        return switch (step) {
            case 1 -> {
                ClusterTime openedAt = record.destinationOpenedAtIfRecorded().orElseThrow(
                        () -> new IllegalStateException("reverse runs without a recorded destination cluster time"));
                SyncRecord reversed = record.reversedOnto(record.pair().next(), openedAt);
                pipeline.deploy(reversed.currentPair());
                yield StepResult.done(reversed);
            }
            case 2 -> {
                pipeline.remove(record.pair().previous());
                yield StepResult.done(record);
            }
            case 3 -> {
                clusters.get(record.direction().destination()).setUserWriteBlocking(true);
                yield StepResult.done(record);
            }
            default -> throw new IllegalArgumentException("reverse has no step " + step);
        };
    }

    @Override
    public SyncRecord finish(SyncRecord record) {
        return record.withState(SyncState.RUNNING).withProcedure(null).withCommitPoint(null)
                .withDestinationOpenedAt(null);
    }

    /** The record as the reverse call leaves it, before the first step. */
    public static SyncRecord begin(SyncRecord committed) {
        return committed.withState(SyncState.REVERSING).withProcedure(ProcedureStep.first(ProcedureKind.REVERSE));
    }
}
