package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.ClusterAdmin;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.FinalCheck;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.ProcedureFailure;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.UniqueIndexConversion;
import io.c2csync.controlplane.sync.Verification;
import java.util.List;

/** The contract's commit, after the state went COMMITTING. */
public final class CommitProcedure extends NumberedProcedure {
    /** What a stopped commit leaves behind and how to go on; the API docs say the same. */
    private static final String STOPPED_REMEDY = "The commit stopped: user writes stay blocked where the sync blocked "
            + "them (the destination, and the source if the commit blocked it) and the forward connectors stay paused. Correct the destination "
            + "with a user holding bypassWriteBlockingMode, then call commit again to run this step again";
    private static final List<String> STEPS = List.of(
        "blocking user writes on the source",
        "taking the commit point (the source cluster time after blocking)",
        "waiting for the destination to reach the commit point",
        "pausing the forward connectors",
        "making the unique indexes unique again on the destination",
        "verifying that the destination equals the source",
        "recording the destination cluster time",
        "lifting user write blocking on the destination");

    private final Verification verification;

    public CommitProcedure(Clusters clusters, Pipeline pipeline, Verification verification) {
        super(ProcedureKind.COMMIT, "Commit", STEPS, clusters, pipeline);
        this.verification = verification;
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
            case 5 -> uniqueIndexes(record, destination.convertRecordedUniqueIndexes());
            case 6 -> record.spec().verificationEnabled()
                    ? finalCheck(record, verification.finalCheck(record.currentPair(), record.commitPointIfTaken()
                            .orElseThrow(() -> new IllegalStateException("commit step 6 runs without a commit point"))))
                    : StepResult.done(record);
            case 7 -> StepResult.done(record.withDestinationOpenedAt(destination.clusterTime()));
            case 8 -> {
                if (record.spec().writeBlocking().blocksDestination()) {
                    destination.setUserWriteBlocking(false);
                }
                yield StepResult.done(record);
            }
            default -> throw new IllegalArgumentException("commit has no step " + step);
        };
    }

    private static StepResult uniqueIndexes(SyncRecord record, UniqueIndexConversion conversion) {
        if (conversion.violations().isEmpty()) {
            return StepResult.done(record);
        }
        return StepResult.stopped(record, new ProcedureFailure(SyncError.UNIQUE_INDEX_VIOLATION,
                conversion.violations().size() + " unique index(es) of the source hold duplicates on the destination, "
                        + "so they cannot be made unique there: " + String.join("; ", conversion.violations())
                        + ". " + STOPPED_REMEDY, conversion.violations()));
    }

    private static StepResult finalCheck(SyncRecord record, FinalCheck check) {
        return switch (check.status()) {
            case RUNNING -> StepResult.waiting(record, "the final verification to compare source and destination");
            case EQUAL -> StepResult.done(record);
            case DIFFERENT -> StepResult.stopped(record, new ProcedureFailure(SyncError.VERIFICATION_FAILED,
                    "the destination differs from the source after the drain: " + check.summary() + ". "
                            + STOPPED_REMEDY, check.differences()));
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
