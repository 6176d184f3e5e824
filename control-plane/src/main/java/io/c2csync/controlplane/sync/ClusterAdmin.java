package io.c2csync.controlplane.sync;

/**
 * Port: administration of one MongoDB cluster. Every method throws a {@link SyncException} with
 * {@link SyncError#CLUSTER_UNREACHABLE} when the cluster cannot be reached. Called from the
 * coordinator thread and, for progress, from request threads: implementations are thread-safe.
 */
public interface ClusterAdmin {

    /** host:port list without credentials, for {@code directionMapping} and messages. */
    String displayAddress();

    /** Version, topology, the connecting user's privileges and whether user data exists. */
    ClusterFacts inspect();

    /** Turns user write blocking on or off; repeating the current mode is a no-op. */
    void setUserWriteBlocking(boolean enabled);

    ClusterTime clusterTime();

    /** Round trip of a ping command in milliseconds. */
    long pingMillis();

    /**
     * Makes the unique indexes that the sink built non-unique during the sync (recorded in its marker database) unique
     * again: {@code collMod prepareUnique}, then {@code unique}. Indexes already converted or since dropped are
     * skipped, so a repeat converts what is left.
     */
    UniqueIndexConversion convertRecordedUniqueIndexes();
}
