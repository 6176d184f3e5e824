package io.c2csync.bench;

import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;

/**
 * c2c-sync as a user runs it: {@code c2c-sync run} in a child JVM (its own embedded Kafka and Connect) per sync,
 * {@code POST /start} with the plan's databases as {@code includeNamespaces}; one sync group per database (the
 * default) or one for everything ({@code --database-groups 0}).
 */
public final class ControlPlaneDeployment implements Deployment {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneDeployment.class);

    private final Clusters clusters;
    private final Path workDir;
    private final String heap;
    private volatile ControlPlaneProcess running;

    public ControlPlaneDeployment(Clusters clusters, Path workDir, String heap) {
        this.clusters = clusters;
        this.workDir = workDir;
        this.heap = heap;
    }

    @Override
    public ControlPlaneSync prepare(SyncPlan plan) {
        if (running != null) {
            throw new IllegalStateException("one control plane at a time; " + running.api() + " still runs");
        }
        running = startProcess(plan);
        return new ControlPlaneSync(clusters, running, plan, this::stopped);
    }

    /**
     * Its start is not measured, and on a loaded machine the embedded broker may miss its 60 s readiness deadline:
     * then it is started once more, in a fresh folder.
     */
    private ControlPlaneProcess startProcess(SyncPlan plan) {
        try {
            return ControlPlaneProcess.start(clusters, plan.syncId(), plan.oneGroup(),
                workDir.resolve(plan.syncId()).toAbsolutePath(), heap);
        } catch (IllegalStateException e) {
            LOG.warn("c2c-sync run for {} did not start; starting it once more: {}", plan.syncId(), e.getMessage());
            return ControlPlaneProcess.start(clusters, plan.syncId(), plan.oneGroup(),
                workDir.resolve(plan.syncId() + "-again").toAbsolutePath(), heap);
        }
    }

    /** The running control plane's JVM; empty when none runs. */
    List<ProcessHandle> controlPlane() {
        ControlPlaneProcess process = running;
        return process == null ? List.of() : process.controlPlane();
    }

    /** The running control plane's Connect worker, else {@code otherwise}. */
    List<ProcessHandle> workerOr(List<ProcessHandle> otherwise) {
        ControlPlaneProcess process = running;
        return process == null ? otherwise : process.worker();
    }

    /** The running control plane's Kafka broker, else {@code otherwise}. */
    List<ProcessHandle> brokerOr(List<ProcessHandle> otherwise) {
        ControlPlaneProcess process = running;
        return process == null ? otherwise : process.broker();
    }

    private void stopped() {
        running = null;
        unblockWrites(clusters.sourceClient());
        unblockWrites(clusters.destinationClient());
    }

    /** What a commit or reverse leaves behind (user writes blocked on one side) must not reach the next measurement. */
    private static void unblockWrites(MongoClient client) {
        client.getDatabase("admin").runCommand(new Document("setUserWriteBlockMode", 1).append("global", false));
    }
}
