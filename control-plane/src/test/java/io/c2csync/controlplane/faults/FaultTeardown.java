package io.c2csync.controlplane.faults;

/** Stops what a fault test started, the application first, then the control plane, then the clusters. */
final class FaultTeardown {

    private FaultTeardown() {
    }

    /** Any argument may be null: the test failed before it started that part. */
    static void stopEverything(FaultRun run, FaultClusters clusters, SourceWorkload... workloads)
            throws InterruptedException {
        for (SourceWorkload workload : workloads) {
            stopIfRunning(workload);
        }
        if (run != null) {
            run.close();
        }
        if (clusters != null) {
            clusters.close();
        }
    }

    static void stopIfRunning(SourceWorkload workload) {
        if (workload != null && workload.running()) {
            workload.stop();
        }
    }
}
