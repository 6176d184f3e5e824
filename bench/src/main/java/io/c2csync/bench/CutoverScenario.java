package io.c2csync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;


/**
 * Scenario 3: a reversible sync with write blocking through the control plane, the embedded verification on (the
 * default) and off. Once it can commit, an application writes on the source at a fixed rate; its last write is the
 * start of the cutover, {@code /commit} follows at once and {@code /progress} is polled until COMMITTED with
 * {@code canWrite: true}; then {@code /reverse} until RUNNING from cluster1 to cluster0.
 */
final class CutoverScenario {

    private static final Logger LOG = LoggerFactory.getLogger(CutoverScenario.class);
    private static final String DATABASE = "bench_cutover";
    private static final String WRITES = "writes";
    private static final long POLL_MILLIS = 20;
    private static final Duration PROCEDURE_TIMEOUT = Duration.ofMinutes(10);

    private final Clusters clusters;
    private final CostMeter costs;
    private final ControlPlaneDeployment deployment;
    private final Dataset dataset;
    private final Duration writing;
    private final Duration timeout;

    CutoverScenario(Clusters clusters, CostMeter costs, ControlPlaneDeployment deployment, int documents,
                    Duration writing, Duration timeout) {
        this.clusters = clusters;
        this.costs = costs;
        this.deployment = deployment;
        this.dataset = new Dataset("cutover", 200, documents, List.of(DATABASE));
        this.writing = writing;
        this.timeout = timeout;
    }

    /** One cutover with the embedded verification on, one with it off, each writer at {@code opsPerSecond}. */
    List<CutoverResult> run(double opsPerSecond) {
        List<CutoverResult> results = new ArrayList<>();
        for (boolean verification : List.of(true, false)) {
            results.add(cutover(verification, opsPerSecond));
        }
        return results;
    }

    private CutoverResult cutover(boolean verification, double opsPerSecond) {
        dataset.load(clusters.sourceClient());
        // created before the start, so the scenario measures the cutover, not a live create
        clusters.sourceClient().getDatabase(DATABASE).createCollection(WRITES);
        try (ControlPlaneSync sync = deployment.prepare(new SyncPlan("cut-" + (verification ? "on" : "off"),
            List.of(DATABASE), false))) {
            sync.beginReversible(verification);
            sync.awaitCopied(dataset, timeout);
            sync.awaitCommittable(timeout);
            costs.start();
            ChangeWriter writer = new ChangeWriter(clusters.sourceClient().getDatabase(DATABASE).getCollection(WRITES),
                new WriteLog());
            Rate writes = writer.run(opsPerSecond, writing, 0);
            long lastWrite = System.nanoTime();
            sync.api().command("commit", Map.of());
            long commitCalled = System.nanoTime();
            long committed = awaitProgress(sync, "COMMITTED with canWrite",
                progress -> "COMMITTED".equals(progress.path("state").asText())
                    && progress.path("canWrite").asBoolean(false));
            requireSameCount(WRITES);
            long reverseCalled = System.nanoTime();
            sync.api().command("reverse", Map.of());
            long reversed = awaitProgress(sync, "RUNNING from cluster1 to cluster0",
                progress -> "RUNNING".equals(progress.path("state").asText())
                    && progress.path("directionMapping").path("Source").asText().startsWith("cluster1"));
            List<ProcessCost> cost = costs.stop();
            CutoverResult result = new CutoverResult(verification, writes, seconds(lastWrite, committed),
                seconds(commitCalled, committed), seconds(reverseCalled, reversed),
                ProcedureSteps.readLog(sync.process().log()), cost);
            LOG.info("Cutover, {}: last write -> COMMITTED with canWrite in {} s, /reverse -> RUNNING in {} s; steps {}",
                result.label(), String.format("%.2f", result.lastWriteToCommitted()),
                String.format("%.2f", result.reverseToRunning()), result.steps().steps());
            return result;
        } finally {
            clusters.clearDestination(List.of(DATABASE));
            clusters.sourceClient().getDatabase(DATABASE).drop();
        }
    }

    /** Every write reached the destination before it was handed over (a check, not a figure). */
    private void requireSameCount(String collection) {
        long source = count(clusters.sourceClient(), collection);
        long destination = count(clusters.destinationClient(), collection);
        if (source != destination) {
            throw new IllegalStateException("after the commit " + DATABASE + "." + collection + " holds " + source
                + " documents on the source and " + destination + " on the destination");
        }
    }

    private static long count(MongoClient client, String collection) {
        return client.getDatabase(DATABASE).getCollection(collection).countDocuments(new Document());
    }

    /** Polls {@code /progress} every {@value #POLL_MILLIS} ms; returns the time the condition was first seen. */
    private static long awaitProgress(ControlPlaneSync sync, String description, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + PROCEDURE_TIMEOUT.toNanos();
        JsonNode progress = sync.api().progress();
        while (!condition.test(progress)) {
            sync.ensureHealthy();
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no " + description + " after " + PROCEDURE_TIMEOUT.toSeconds()
                    + " s; last progress: " + progress);
            }
            sleep(POLL_MILLIS);
            progress = sync.api().progress();
        }
        return System.nanoTime();
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while polling /progress", e);
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
