package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.ClusterAdmin;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import java.util.List;

/** The contract's commit, after the state went COMMITTING. */
public final class CommitProcedure extends NumberedProcedure {
    private static final List<String> STEPS = List.of(
        "blocking user writes on the source",
        "taking the commit point (the source cluster time after blocking)",
        "waiting for the destination to reach the commit point",
        "pausing the forward connectors",
        "recording the destination cluster time",
        "lifting user write blocking on the destination");

    public CommitProcedure(Clusters clusters, Pipeline pipeline) {
        super(ProcedureKind.COMMIT, "Commit", STEPS, clusters, pipeline);
    }

    @Override
    public StepResult runStep(int step, SyncRecord record) {
        ClusterAdmin source = clusters.get(record.direction().source());
        ClusterAdmin destination = clusters.get(record.direction().destination());
        return switch (step) {
            case 1 -> {
                if (record.spec().writeBlocking().blocksSource()) {
                    source.setUserWriteBlocking(true);
                }
                yield StepResult.done(record);
            }
            case 2 -> StepResult.done(record.withCommitPoint(source.clusterTime()));
            case 3 -> {
                ClusterTime commitPoint = record.commitPointIfTaken().orElseThrow(
                        () -> new IllegalStateException("commit step 3 runs without a commit point"));
                yield pipeline.appliedThrough(record.pair(), commitPoint)
                        ? StepResult.done(record)
                        : StepResult.waiting(record, "the destination to apply every event up to " + commitPoint);
            }
            case 4 -> {
                pipeline.pause(record.pair());
                yield StepResult.done(record);
            }
            case 5 -> StepResult.done(record.withDestinationOpenedAt(destination.clusterTime()));
            case 6 -> {
                if (record.spec().writeBlocking().blocksDestination()) {
                    destination.setUserWriteBlocking(false);
                }
                yield StepResult.done(record);
            }
            default -> throw new IllegalArgumentException("commit has no step " + step);
        };
    }

    /** The record as the commit call leaves it, before the first step. */
    public static SyncRecord begin(SyncRecord running) {
        return running.withState(SyncState.COMMITTING).withProcedure(ProcedureStep.first(ProcedureKind.COMMIT));
    }

    @Override
    public SyncRecord finish(SyncRecord record) {
        return record.withState(SyncState.COMMITTED).withProcedure(null);
    }
}
