package io.c2csync.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
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

    /** {@code POST /start} from cluster0 to cluster1 with the plan's databases as {@code includeNamespaces}. */
    @Override
    public void begin() {
        Map<String, Object> body = startBody();
        body.put("includeNamespaces", plan.databases().stream().map(database -> Map.of("database", database)).toList());
        api.command("start", body);
    }

    /**
     * {@code POST /start} of a reversible sync with write blocking, the embedded verification on or off; such a sync
     * takes no namespace filters, so the source must hold only the plan's databases.
     */
    void beginReversible(boolean verification) {
        Map<String, Object> body = startBody();
        body.put("reversible", true);
        body.put("enableUserWriteBlocking", true);
        body.put("verification", Map.of("enabled", verification));
        api.command("start", body);
    }

    private static Map<String, Object> startBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "cluster0");
        body.put("destination", "cluster1");
        return body;
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
