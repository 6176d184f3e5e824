package io.c2csync.controlplane.faults;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault matrix cases 1 and 3 on one sync of {@code c2c-sync run} (embedded runtime), with an application writing to
 * the source throughout. Each fault is a SIGKILL from outside, as the OOM killer or an operator would send it; the
 * runtime's supervisor restarts the child by itself (the control plane is never restarted):
 * case 1, the Connect worker during the initial copy (held: every {@code getMore} on cluster0 waits
 * {@link #COPY_HOLD_MS}; each task's resume point takes one and the shop copy one more for {@code bulk}; lifted right
 * after the kill), during change events, and during commit step 3
 * (waiting for the destination to reach the commit point: its read of the commit marker on cluster1 fails until the
 * worker is back); case 3, the Kafka broker during change events.
 * Recovery is the time from the kill until a probe written after it is on the destination (for the commit: until
 * the commit passed step 3). The run ends committed with 0 differences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeFaultsTest {
    /**
     * How long each getMore on cluster0 waits while the copy is held: long enough for {@code /progress} to show the
     * copy under way before the shop copy's getMore of {@code bulk} returns, short because the resume points wait it
     * too.
     */
    private static final int COPY_HOLD_MS = 30_000;
    /** More than the driver's first batch (101), so the copy of this collection needs a getMore. */
    private static final int BULK_DOCUMENTS = 300;
    private static final String WORKER = "Connect worker";
    private static final String BROKER = "Kafka broker";

    @TempDir
    static Path dir;

    private FaultClusters clusters;
    private FaultRun run;
    private SourceWorkload workload;
    private List<String> databases;
    private int restartsBefore;

    @BeforeAll
    void startSyncWithWorkloadAndAHeldCopy() {
        clusters = FaultClusters.start();
        SourceWorkload.Settings settings = SourceWorkload.Settings.defaults("w0");
        databases = settings.databases();
        MongoCollection<Document> bulk = clusters.app(0).getDatabase(databases.get(0)).getCollection("bulk");
        bulk.insertMany(IntStream.range(0, BULK_DOCUMENTS).mapToObj(i -> new Document("_id", i).append("n", i))
                .toList());
        workload = SourceWorkload.start(clusters.app(0), settings);
        // every getMore waits, also the resume points' (a skip count races with the change streams of the groups
        // whose copy is done): the shop copy cannot finish before the first records of the copy are on the destination
        clusters.failCommand(0).configure("alwaysOn", new Document("failCommands",
                List.of("getMore")).append("blockConnection", true).append("blockTimeMS", COPY_HOLD_MS));
        run = FaultRun.start(clusters, dir.resolve("work"), "runtime-faults");
        run.startForwardReversible();
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        FaultTeardown.stopEverything(run, clusters, workload);
    }

    @Test
    @Order(1)
    void case1_workerKilledDuringTheInitialCopy() {
        run.awaitProgress("the copy under way", p -> p.path("info").asText().equals("collection copy")
                && p.path("collectionCopy").path("estimatedCopiedBytes").asLong() > 0);
        FaultRun.Measurement measurement = run.beginFault("1", "kill -9 Connect worker during the initial copy"
                + " (copy held by a getMore fail point)");
        assertThat(run.progress().path("info").asText()).as("the copy is not done at the kill")
                .isEqualTo("collection copy");
        Instant killedAt = killWorker();
        long heldGetMores = clusters.failCommand(0).off();
        assertThat(heldGetMores).as("a getMore of the copy was held when the worker was killed").isPositive();
        RecoveryProbe probe = run.writeProbe(0, databases);
        awaitRestarted(WORKER);
        measurement.recovered(probe.awaitArrival(clusters.sync(1), killedAt));
        // /progress is sampled: it says so a moment after the probe arrived
        run.awaitProgress("the copy done after the restart", p -> p.path("info").asText()
                .equals("change event application"));
    }

    @Test
    @Order(2)
    void case1_workerKilledDuringChangeEvents() {
        FaultRun.Measurement measurement = run.beginFault("1", "kill -9 Connect worker during change events");
        Instant killedAt = killWorker();
        awaitWarning("The embedded Connect worker failed");
        RecoveryProbe probe = run.writeProbe(0, databases);
        awaitRestarted(WORKER);
        measurement.recovered(probe.awaitArrival(clusters.sync(1), killedAt));
        assertThat(workload.running()).as("the application rode out the fault").isTrue();
    }

    @Test
    @Order(3)
    void case3_brokerKilledDuringChangeEvents() {
        FaultRun.Measurement measurement = run.beginFault("3", "kill -9 Kafka broker during change events");
        ProcessHandle broker = run.runtime().broker();
        Instant killedAt = kill(BROKER, broker);
        awaitWarning("The embedded Kafka broker failed");
        RecoveryProbe probe = run.writeProbe(0, databases);
        awaitRestarted(BROKER);
        measurement.recovered(probe.awaitArrival(clusters.sync(1), killedAt));
        assertThat(run.runtime().broker().pid()).isNotEqualTo(broker.pid());
        assertThat(workload.running()).as("the application rode out the fault").isTrue();
    }

    @Test
    @Order(4)
    void case1_workerKilledDuringCommitStep3ThenCommittedWithNothingLost() {
        run.awaitCanCommit();
        // step 3's fault (the markers' reads on cluster1) would also fail the commit's readiness check: the commit
        // waits in step 1 (on cluster0) while step 3's fault is armed
        CommitStepHold first = CommitStepHold.at(run, 1);
        first.arm();
        run.commit();
        run.awaitPersisted("commit held at step 1", at -> first.held());
        CommitStepHold hold = CommitStepHold.at(run, 3);
        hold.arm();
        first.release();
        run.awaitPersisted("commit held at step 3", at -> hold.held());
        FaultRun.Measurement measurement = run.beginFault("1", "kill -9 Connect worker during commit step 3/8 ("
                + hold.how() + ")");
        Instant killedAt = killWorker();
        awaitRestarted(WORKER);
        hold.release();
        run.awaitPersisted("the commit past step 3", at -> hold.passed());
        measurement.recovered(Duration.between(killedAt, Instant.now()));

        run.finishCommitted(workload);
        assertThat(run.controlPlanes()).as("recovered by itself: the control plane was never restarted").hasSize(1);
        assertThat(run.controlPlane().console()).doesNotContain("Giving up on the");
    }

    private Instant killWorker() {
        return kill(WORKER, run.runtime().worker());
    }

    /** SIGKILL from outside (as the OOM killer's); returns when it was sent. */
    private Instant kill(String child, ProcessHandle process) {
        restartsBefore = restarts(child);
        Instant killedAt = Instant.now();
        process.destroyForcibly();
        process.onExit().join();
        return killedAt;
    }

    /** The runtime restarted {@code child} since its last kill, by itself: its log says so. */
    private void awaitRestarted(String child) {
        await("the " + child + " restarted by the runtime", FaultRun.STEP)
                .until(() -> restarts(child) > restartsBefore);
    }

    private int restarts(String child) {
        return run.controlPlane().console().split("Restarted the " + child + " ", -1).length - 1;
    }

    private void awaitWarning(String warning) {
        await("/progress warning '" + warning + "'", FaultRun.STEP).until(() -> {
            List<String> warnings = new ArrayList<>();
            run.progress().path("warnings").forEach(w -> warnings.add(w.asText()));
            return warnings.stream().anyMatch(w -> w.contains(warning));
        });
    }

}
