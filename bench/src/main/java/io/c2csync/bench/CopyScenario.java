package io.c2csync.bench;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scenario 1: every copy method, side by side, on each dataset; the destination is emptied between them. */
public final class CopyScenario {

    private static final Logger LOG = LoggerFactory.getLogger(CopyScenario.class);

    private final Clusters clusters;
    private final CostMeter costs;
    private final List<CopyMethod> methods;

    public CopyScenario(Clusters clusters, CostMeter costs, List<CopyMethod> methods) {
        this.clusters = clusters;
        this.costs = costs;
        this.methods = List.copyOf(methods);
    }

    public List<CopyResult> run(List<Dataset> datasets) {
        List<CopyResult> results = new ArrayList<>();
        for (Dataset dataset : datasets) {
            LOG.info("Loading {} documents of ~{} B into the source", dataset.documents(), dataset.documentBytes());
            dataset.load(clusters.sourceClient());
            for (CopyMethod method : methods) {
                clusters.clearDestination(dataset.databases());
                costs.start();
                CopyResult result;
                try (FirstArrival first = new FirstArrival(clusters.destinationClient(), dataset)) {
                    long start = System.nanoTime();
                    method.copy(dataset);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    result = new CopyResult(method.label(), dataset, seconds, first.secondsToFirstDocument(), costs.stop());
                }
                LOG.info("{} / {}: {} docs in {} s (first after {} s) = {} docs/s, {} MB/s", dataset.label(), method.label(),
                    dataset.documents(), String.format("%.2f", result.seconds()),
                    String.format("%.2f", result.secondsToFirstDocument()), Math.round(result.documentsPerSecond()),
                    String.format("%.2f", result.megabytesPerSecond()));
                results.add(result);
            }
            clusters.clearDestination(dataset.databases());
            dataset.databases().forEach(database -> clusters.sourceClient().getDatabase(database).drop());
        }
        return results;
    }
}
