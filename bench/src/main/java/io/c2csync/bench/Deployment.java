package io.c2csync.bench;

import java.time.Duration;

/**
 * How one method moves a sync plan's databases from the source to the destination: the direct copy, the plain
 * mongo-kafka pipeline, or c2c-sync through its control plane. {@link #prepare} starts what must run before the copy
 * (not measured); {@link RunningSync#begin()} is where the measurement starts.
 */
public interface Deployment {

    RunningSync prepare(SyncPlan plan);

    /** A prepared sync; closing it removes everything it deployed. */
    interface RunningSync extends AutoCloseable {

        /** Starts the copy: connectors created, {@code /start} posted, or the whole direct copy. */
        void begin();

        /** Returns when the initial copy of {@code dataset} is on the destination. */
        void awaitCopied(Dataset dataset, Duration timeout);

        /**
         * Returns true when the method itself said the copy is complete ({@code canCommit}), false at once for a
         * method without such a signal.
         */
        boolean awaitCommittable(Duration timeout);

        /** Throws if the sync has failed (e.g. a failed connector task, an exited process). */
        void ensureHealthy();

        @Override
        void close();
    }
}
