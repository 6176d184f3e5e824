package io.c2csync.controlplane.sync;

import java.util.List;

/**
 * Port: the connector pairs on Kafka Connect. Every call is idempotent (deploying a deployed pair
 * with the same config, pausing a paused one, removing a removed one are no-ops). Methods throw a
 * {@link SyncException} with {@link SyncError#CONNECT_UNAVAILABLE} when Connect cannot be reached.
 * Called from the coordinator thread and, for status, from request threads: implementations are
 * thread-safe.
 */
public interface Pipeline {

    void deploy(ConnectorPair pair);

    void pause(PairId pair);

    void resume(PairId pair);

    void remove(PairId pair);

    PipelineStatus status(PairId pair);

    /** Restarts every connector of the pair that failed or has a failed task; the others are left alone. */
    void restartFailed(PairId pair);

    /**
     * Whether every source event up to {@code point} has been applied on the destination, known
     * from a commit marker written on the source after {@code point} and seen on the destination.
     */
    boolean appliedThrough(PairId pair, ClusterTime point);

    /**
     * Problems of the Connect cluster itself that no connector status shows, e.g. an embedded worker
     * or broker being restarted or given up on; shown as {@code /progress} warnings.
     */
    default List<String> hostWarnings() {
        return List.of();
    }
}
