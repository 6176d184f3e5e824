package io.c2csync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;

import io.c2csync.runtime.Await;
import io.c2csync.runtime.ConditionTimeoutException;

/**
 * Scenario 2: the emulator's direct apply rate (the writer's mix straight into the destination, as fast as one
 * thread goes) is measured first; then, through a running c2c-sync, the writer runs at fixed fractions of it on the
 * source while the destination's change stream measures the lag of every change.
 */
public final class LagScenario {

    public static final String DATABASE = "bench_lag";
    private static final Logger LOG = LoggerFactory.getLogger(LagScenario.class);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration LIVE = Duration.ofSeconds(120);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    /** The run number of the warm-up writes: measured runs are numbered from 0. */
    private static final int WARM_UP_RUN = -2;

    /**
     * The direct apply rate, the writer's client threads and one result per rate; {@code unmatched} counts destination
     * changes no write made.
     */
    public record Outcome(Rate directApply, int writerLanes, List<LagResult> results, long unmatched) {
    }

    private final Clusters clusters;
    private final CostMeter costs;
    private final Deployment deployment;
    private final Duration duration;
    private final int writerLanes;

    public LagScenario(Clusters clusters, CostMeter costs, Deployment deployment, Duration duration, int writerLanes) {
        this.clusters = clusters;
        this.costs = costs;
        this.deployment = deployment;
        this.duration = duration;
        this.writerLanes = writerLanes;
    }

    /** The writer at each of {@code percents} of {@code direct} (see {@link #directApplyRate()}). */
    public Outcome run(Rate direct, List<Integer> percents) {
        WriteLog log = new WriteLog();
        ChangeWriter writer = new ChangeWriter(clusters.sourceClient().getDatabase(DATABASE).getCollection("docs"), log,
            writerLanes);
        List<LagResult> results = new ArrayList<>();
        // created before the sync starts, so they reach the destination through the copy: the scenario measures CRUD,
        // and on main a live create event fails the sink (it passes idIndex, which the emulator's create rejects)
        clusters.sourceClient().getDatabase(DATABASE).createCollection("docs");
        clusters.sourceClient().getDatabase(DATABASE).createCollection("probe");
        try (Deployment.RunningSync sync = deployment.prepare(new SyncPlan("lag", List.of(DATABASE), false))) {
            sync.begin();
            awaitLive(sync);
            try (LagObserver observer = new LagObserver(
                clusters.destinationClient().getDatabase(DATABASE).getCollection("docs"), log)) {
                warmUp(writer, direct.perSecond() * percents.get(0) / 100, log, sync, observer);
                for (int run = 0; run < percents.size(); run++) {
                    int percent = percents.get(run);
                    double target = direct.perSecond() * percent / 100;
                    costs.start();
                    Rate achieved = writer.run(target, duration, run);
                    drain(log, run, sync, observer);
                    LagResult result = new LagResult(percent, target, achieved, achieved.operations(),
                        observer.samplesOf(run), costs.stop());
                    LOG.info("{} % ({} ops/s target, {} achieved): p50 {} ms, p99 {} ms, growth {} ms/s, lost {}, bounded {}", percent,
                        Math.round(target), Math.round(achieved.perSecond()), Math.round(result.percentile(50)),
                        Math.round(result.percentile(99)), Math.round(result.growthMillisPerSecond()), result.lost(), result.bounded());
                    results.add(result);
                }
                return new Outcome(direct, writerLanes, results, observer.unmatched());
            }
        } finally {
            clusters.clearDestination(List.of(DATABASE));
            clusters.sourceClient().getDatabase(DATABASE).drop();
        }
    }

    /**
     * A few seconds at the first rate, not reported: the freshly started JVMs compile the change path while they apply
     * it (a sync that runs for hours has long done that), which would show as a stall in the first rate's figures.
     */
    private static void warmUp(ChangeWriter writer, double rate, WriteLog log, Deployment.RunningSync sync,
            LagObserver observer) {
        writer.run(rate, WARM_UP, WARM_UP_RUN);
        drain(log, WARM_UP_RUN, sync, observer);
    }

    /** The writer's mix straight into the destination, as fast as one thread goes, for half a run's duration. */
    Rate directApplyRate() {
        String scratch = "bench_apply";
        ChangeWriter writer = new ChangeWriter(clusters.destinationClient().getDatabase(scratch).getCollection("docs"),
            new WriteLog());
        Rate rate = writer.run(0, duration.dividedBy(2), -1);
        clusters.clearDestination(List.of(scratch));
        LOG.info("Direct apply rate on the destination: {} ops/s", Math.round(rate.perSecond()));
        return rate;
    }

    /** Writes probes on the source until one reaches the destination: from then on the stream is live. */
    private void awaitLive(Deployment.RunningSync sync) {
        MongoCollection<Document> probe = clusters.sourceClient().getDatabase(DATABASE).getCollection("probe");
        MongoCollection<Document> arrived = clusters.destinationClient().getDatabase(DATABASE).getCollection("probe");
        int[] written = {0};
        Await.await("c2c-sync streaming " + DATABASE, LIVE).guardedBy(sync::ensureHealthy).until(() -> {
            probe.insertOne(new Document("_id", written[0]++));
            return arrived.estimatedDocumentCount() > 0;
        });
    }

    private static void drain(WriteLog log, int run, Deployment.RunningSync sync, LagObserver observer) {
        try {
            Await.await("every change of run " + run + " on the destination", DRAIN)
                .guardedBy(() -> {
                    sync.ensureHealthy();
                    observer.ensureHealthy();
                })
                .until(() -> log.pendingOf(run) == 0);
        } catch (ConditionTimeoutException e) {
            LOG.warn("Run {}: {} changes still missing after {} s; reported as lost", run, log.pendingOf(run),
                DRAIN.toSeconds());
        }
    }
}
