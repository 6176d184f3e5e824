package io.c2csync.controlplane.faults;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoCommandException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault matrix cases 4 and 6, each on its own sync with the application writing to the source throughout.
 * Case 4: the destination, then the source, unreachable for 30 s during change event application (the emulator
 * closes its socket and every connection and comes back on its port with all its data and history): the sync
 * recovers by itself (a failed source task is restarted by the control plane), says the cluster is unreachable
 * while it is, and ends committed with 0 differences. Recovery is from the cluster's return until a probe written
 * then is on the destination. Case 6: the source's history (a small emulated oplog) moves past the paused sync's
 * resume point: after the resume the sync fails loudly — {@code ChangeStreamHistoryLost} with the remedy in
 * {@code /progress}, canCommit false, {@code /commit} refused by that name, the source task not restarted — and is
 * never committed; its "recovery" is the time from the resume until the named error shows.
 */
class ClusterFaultsTest {
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int CHANGE_STREAM_HISTORY_LOST = 286;
    /** Events the small source of case 6 keeps: some 40 s of the workload, far more than the sync's lag. */
    private static final int SMALL_HISTORY_EVENTS = 4000;

    @TempDir
    Path dir;

    @Test
    void case4_destinationThenSourceUnreachableFor30sDuringChangeEvents() throws InterruptedException {
        try (FaultClusters clusters = FaultClusters.start()) {
            SourceWorkload.Settings settings = SourceWorkload.Settings.defaults("w4");
            SourceWorkload workload = SourceWorkload.start(clusters.app(0), settings);
            try (FaultRun run = FaultRun.start(clusters, dir.resolve("work"), "case4")) {
                run.startForwardReversible();
                run.awaitCanCommit();

                unreachableFor30s(run, 1, "destination (cluster1)", settings.databases());
                unreachableFor30s(run, 0, "source (cluster0)", settings.databases());

                assertThat(workload.running()).as("the application rode out the outages: %s", workload.summary()).isTrue();
                assertThat(workload.retries()).as("the application retried while the source was away").isPositive();
                run.finish(workload);
            } finally {
                FaultTeardown.stopIfRunning(workload);
            }
        }
    }

    @Test
    void case6_sourceHistoryLostFailsLoudlyByName() throws InterruptedException {
        try (FaultClusters clusters = FaultClusters.start(options -> options.withHistoryLimits(
                new EmulatorOptions.HistoryLimits(SMALL_HISTORY_EVENTS, 64L * 1024 * 1024)))) {
            SourceWorkload workload = SourceWorkload.start(clusters.app(0),
                    SourceWorkload.Settings.defaults("w6").withOpsPerSecond(100));
            try (FaultRun run = FaultRun.start(clusters, dir.resolve("work"), "case6")) {
                run.startForwardReversible();
                run.awaitCanCommit();

                FaultRun.Measurement measurement = run.beginFault("6", "source history lost: paused until the source's "
                        + SMALL_HISTORY_EVENTS + "-event oplog moved past the resume point (error 286); time to the named error");
                run.pause();
                BsonTimestamp pausedAt = clusterTime(clusters.sync(0));
                await("the source's history to move past the pause", FaultRun.STEP)
                        .until(() -> historyLostAt(clusters.sync(0), pausedAt));
                Instant resumedAt = Instant.now();
                run.resume();
                run.awaitProgress("ChangeStreamHistoryLost in warnings", p -> warnings(p).stream()
                        .anyMatch(w -> w.startsWith("ChangeStreamHistoryLost: ")));
                FaultMatrixReport.Line line = measurement.recovered(Duration.between(resumedAt, Instant.now()));

                JsonNode progress = run.progress();
                assertThat(warnings(progress)).filteredOn(w -> w.startsWith("ChangeStreamHistoryLost: ")).singleElement()
                        .asString().startsWith("ChangeStreamHistoryLost: the source's change stream cannot"
                        + " resume (connector c2c-sync.case6-p1.").contains("error 286", "replSetResizeOplog",
                        "start again into an empty destination");
                assertThat(progress.path("canCommit").asBoolean()).isFalse();
                JsonNode refused = run.api().post("commit", "{}");
                assertThat(refused.path("success").asBoolean()).isFalse();
                assertThat(refused.path("error").asText()).isEqualTo("ChangeStreamHistoryLost");
                assertThat(refused.path("errorDescription").asText()).contains("oplog", "empty destination");
                assertThat(run.progress().path("state").asText()).isEqualTo("RUNNING");
                await("the reconcile declining to restart the source", FaultRun.STEP)
                        .until(() -> run.logged("Not restarting the connectors of pair 1: ChangeStreamHistoryLost"));
                assertThat(run.anyLogged("Restarted connector")).as("no connector restarted").isFalse();

                workload.stop();
                long differences = run.verify().differenceCount();
                FaultMatrixReport.add(List.of(line), differences);
                assertThat(differences).as("the lost events: the gap the sync refuses to commit").isPositive();
            } finally {
                FaultTeardown.stopIfRunning(workload);
            }
        }
    }

    /** Takes the cluster away for {@link #OUTAGE} while the sync runs, brings it back and measures the recovery. */
    private static void unreachableFor30s(FaultRun run, int cluster, String which, List<String> databases) {
        FaultRun.Measurement measurement = run.beginFault("4", which + " unreachable 30 s during change events"
                + " (socket and connections closed, same port after); recovery from its return");
        EmulatedReplicaSet replicaSet = run.clusters().replicaSet(cluster);
        Instant stoppedAt = Instant.now();
        replicaSet.stopListening();
        String unreachable = "cluster" + cluster + ": " + replicaSet.host() + ":" + replicaSet.port() + " is unreachable: ";
        run.awaitProgress(which + " reported unreachable", p -> warnings(p).stream().anyMatch(w -> w.startsWith(unreachable)));
        LockSupport.parkNanos(Duration.between(Instant.now(), stoppedAt.plus(OUTAGE)).toNanos());
        replicaSet.startListening();
        Instant backAt = Instant.now();
        RecoveryProbe probe = run.writeProbe(0, databases);
        measurement.recovered(probe.awaitArrival(run.clusters().sync(1), backAt));
        run.awaitProgress("the unreachable warning gone", p -> warnings(p).stream().noneMatch(w -> w.startsWith(unreachable)));
    }

    private static BsonTimestamp clusterTime(MongoClient client) {
        try (ClientSession session = client.startSession()) {
            client.getDatabase("admin").runCommand(session, new Document("ping", 1));
            return session.getOperationTime();
        }
    }

    /** Whether a change stream can no longer start at {@code time}: the source's history moved past it. */
    private static boolean historyLostAt(MongoClient source, BsonTimestamp time) {
        try {
            source.watch().startAtOperationTime(time).cursor().close();
            return false;
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != CHANGE_STREAM_HISTORY_LOST) {
                throw e;
            }
            return true;
        }
    }

    private static List<String> warnings(JsonNode progress) {
        List<String> warnings = new ArrayList<>();
        progress.path("warnings").forEach(w -> warnings.add(w.asText()));
        return warnings;
    }
}
