package io.c2csync.bench;

import java.time.Duration;

/**
 * How the benchmark starts c2c-sync. Today {@link ConnectorDeployment} posts our connectors to Connect;
 * the control plane's {@code /start} (waiting for {@code canCommit}) replaces it by implementing this.
 */
public interface C2cDeployment {

    RunningSync start(SyncPlan plan);

    /** A started sync; closing it removes everything it deployed. */
    interface RunningSync extends AutoCloseable {

        /** Returns when the initial copy of {@code dataset} is on the destination. */
        void awaitCopied(Dataset dataset, Duration timeout);

        /** Throws if the sync has failed (e.g. a failed connector task). */
        void ensureHealthy();

        @Override
        void close();
    }
}
