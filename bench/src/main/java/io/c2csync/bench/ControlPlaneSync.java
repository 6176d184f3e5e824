package io.c2csync.bench;

import java.time.Duration;
import java.util.Map;

import io.c2csync.runtime.Await;

/** One sync through a running control plane: {@code /start}, the copy on the destination, {@code canCommit}. */
final class ControlPlaneSync implements Deployment.RunningSync {

    private final Clusters clusters;
    private final ControlPlaneProcess process;
    private final SyncPlan plan;
    private final Runnable onClose;
    private final SyncApi api;

    ControlPlaneSync(Clusters clusters, ControlPlaneProcess process, SyncPlan plan, Runnable onClose) {
        this.clusters = clusters;
        this.process = process;
        this.plan = plan;
        this.onClose = onClose;
        this.api = new SyncApi(process.api());
    }

    @Override
    public void begin() {
        begin(Map.of());
    }

    /** {@code POST /start} with these fields added to the plan's (e.g. {@code reversible}, {@code verification}). */
    void begin(Map<String, Object> options) {
        api.command("start", ControlPlaneDeployment.startBody(plan, options));
    }

    @Override
    public void awaitCopied(Dataset dataset, Duration timeout) {
        Await.await("c2c-sync copy of " + dataset.label(), timeout).guardedBy(this::ensureHealthy)
            .until(() -> DestinationCounts.complete(clusters.destinationClient(), dataset));
    }

    @Override
    public boolean awaitCommittable(Duration timeout) {
        Await.await("canCommit of sync " + plan.syncId(), timeout).guardedBy(this::ensureHealthy)
            .until(() -> api.progress().path("canCommit").asBoolean(false));
        return true;
    }

    @Override
    public void ensureHealthy() {
        process.ensureAlive();
    }

    SyncApi api() {
        return api;
    }

    ControlPlaneProcess process() {
        return process;
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            onClose.run();
        }
    }
}
