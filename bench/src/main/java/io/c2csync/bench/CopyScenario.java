package io.c2csync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 1: every copy method, side by side, on each dataset; the destination is emptied between them. What a
 * method starts before copying (a control plane's JVM and runtime) is prepared outside the measurement, which begins
 * with the method's first call (connectors created, {@code /start}).
 */
public final class CopyScenario {

    private static final Logger LOG = LoggerFactory.getLogger(CopyScenario.class);

    private final Clusters clusters;
    private final CostMeter costs;
    private final List<CopyMethod> methods;
    private final Duration timeout;
    private int runs;

    public CopyScenario(Clusters clusters, CostMeter costs, List<CopyMethod> methods, Duration timeout) {
        this.clusters = clusters;
        this.costs = costs;
        this.methods = List.copyOf(methods);
        this.timeout = timeout;
    }

    public List<CopyResult> run(List<Dataset> datasets) {
        List<CopyResult> results = new ArrayList<>();
        for (Dataset dataset : datasets) {
            LOG.info("Loading {} documents of ~{} B into the source", dataset.documents(), dataset.documentBytes());
            dataset.load(clusters.sourceClient());
            for (CopyMethod method : methods) {
                clusters.clearDestination(dataset.databases());
                CopyResult result = measure(method, dataset);
                LOG.info("{} / {}: {} docs in {} s (first after {} s, canCommit after {} s) = {} docs/s, {} MB/s",
                    dataset.label(), method.label(), dataset.documents(), String.format("%.2f", result.seconds()),
                    String.format("%.2f", result.secondsToFirstDocument()), String.format("%.2f", result.secondsToCanCommit()),
                    Math.round(result.documentsPerSecond()), String.format("%.2f", result.megabytesPerSecond()));
                results.add(result);
            }
            clusters.clearDestination(dataset.databases());
            dataset.databases().forEach(database -> clusters.sourceClient().getDatabase(database).drop());
        }
        return results;
    }

    private CopyResult measure(CopyMethod method, Dataset dataset) {
        try (Deployment.RunningSync sync = method.deployment().prepare(method.plan("c" + (++runs) + "-" + dataset.label(),
            dataset))) {
            costs.start();
            try (FirstArrival first = new FirstArrival(clusters.destinationClient(), dataset)) {
                long start = System.nanoTime();
                sync.begin();
                sync.awaitCopied(dataset, timeout);
                double seconds = (System.nanoTime() - start) / 1e9;
                double committable = sync.awaitCommittable(timeout) ? (System.nanoTime() - start) / 1e9 : Double.NaN;
                return new CopyResult(method.label(), dataset, seconds, first.secondsToFirstDocument(), committable,
                    costs.stop());
            }
        }
    }
}
