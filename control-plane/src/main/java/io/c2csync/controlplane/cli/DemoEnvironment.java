package io.c2csync.controlplane.cli;

import io.c2csync.controlplane.demo.DemoClusters;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the demo started: its two clusters and the sync (embedded runtime + control plane); closed once. */
final class DemoEnvironment implements AutoCloseable {
    private final AtomicBoolean closed = new AtomicBoolean();
    private final DemoClusters clusters;
    private volatile RunningSync sync;

    DemoEnvironment(DemoClusters clusters) {
        this.clusters = clusters;
    }

    DemoClusters clusters() {
        return clusters;
    }

    RunningSync startSync(RunSettings.Resolved run) {
        sync = RunningSync.start(run);
        return sync;
    }

    /** Stops the sync first (it still talks to the clusters), then the clusters. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (sync != null) {
                sync.close();
            }
        } finally {
            clusters.close();
        }
    }
}
