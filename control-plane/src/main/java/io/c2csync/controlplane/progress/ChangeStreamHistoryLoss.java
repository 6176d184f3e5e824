package io.c2csync.controlplane.progress;

import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A source change stream that cannot resume because its resume point left the source's oplog (error 286): the
 * events since then are lost to the sync, so it must never be committed or resumed from anywhere else. Named
 * {@link SyncError#CHANGE_STREAM_HISTORY_LOST}, with the remedy.
 */
public final class ChangeStreamHistoryLoss {
    static final String REMEDY = "Nothing after that point can be applied, so this sync cannot be committed and its"
            + " source connector is not restarted. To fix: make the source's oplog window longer than the longest pause"
            + " or outage of the sync (replSetResizeOplog with a larger size or minRetentionHours, or mongod's"
            + " storage.oplogMinRetentionHours), then start again into an empty destination: stop c2c-sync, drop the synced"
            + " databases on the destination, remove the sync's work directory and call /start again.";

    private ChangeStreamHistoryLoss() {
    }

    /** The error, when a task of the pipeline failed with a lost resume point. */
    public static Optional<SyncException> in(PipelineStatus status) {
        List<PipelineStatus.FailedTask> lost = status.failedTasks(ConnectorStatus.Cause.CHANGE_STREAM_HISTORY_LOST);
        if (lost.isEmpty()) {
            return Optional.empty();
        }
        String tasks = lost.stream().map(t -> "connector " + t.connector() + " task " + t.failure().taskId())
                .collect(Collectors.joining(", "));
        return Optional.of(new SyncException(SyncError.CHANGE_STREAM_HISTORY_LOST, "the source's change stream"
                + " cannot resume (" + tasks + "): its resume point is no longer in the source's oplog (error 286),"
                + " so the changes made on the source since then are lost to this sync. " + REMEDY));
    }

    /** The {@code /progress} warning: the error's name, then its description. */
    static Optional<String> warning(PipelineStatus status) {
        return in(status).map(e -> e.error().errorName() + ": " + e.description());
    }
}
