package io.c2csync.controlplane.faults;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.c2csync.connector.topics.MarkerCodec;
import io.c2csync.connector.topics.MarkerKind;
import io.c2csync.connector.topics.MarkerNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
 * Fault matrix cases 2 and 5 on one sync, with an application writing to the source throughout.
 * Case 5: paused while the application writes on (until it wrote {@link #WRITES_WHILE_PAUSED} operations, about
 * 20 s at its rate), then resumed: recovery is the time from the resume until a probe written at the resume, behind
 * the whole backlog of its group, is on the destination. Case 2: {@code kill -9} of the control plane in RUNNING,
 * PAUSED, COMMITTING at each of the 8 commit steps (held there by {@link CommitStepHold}), COMMITTED and REVERSING,
 * each time started again with the same flags: it comes back in its state (the commit at the step it was killed
 * in), nothing is deployed twice, and the run ends committed (back from cluster1 to cluster0) with 0 differences.
 * Recovery for a kill with the pipeline running is kill → a probe written after the kill is on the destination; in
 * COMMITTING (the source is blocked, so no probe can be written) kill → the restarted commit passed the step it was
 * killed in; in COMMITTED kill → the API answers COMMITTED with canWrite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlPlaneFaultsTest {
    private static final int WRITES_WHILE_PAUSED = 1000;
    private static final Pattern DEPLOYED = Pattern.compile("Deployed connector (\\S+) \\(pair");
    /** Three groups (shop, crm, other), a source and a sink each, per pair; two pairs (forward, reversed). */
    private static final int CONNECTORS_OF_TWO_PAIRS = 12;
    private static final int SYNC_GROUPS = 3;

    @TempDir
    static Path dir;

    private FaultClusters clusters;
    private FaultRun run;
    private SourceWorkload forward;
    private SourceWorkload backward;
    private List<String> databases;

    @BeforeAll
    void startSyncWithWorkload() {
        clusters = FaultClusters.start();
        SourceWorkload.Settings settings = SourceWorkload.Settings.defaults("w0");
        databases = settings.databases();
        forward = SourceWorkload.start(clusters.app(0), settings);
        run = FaultRun.start(clusters, dir.resolve("work"), "faults");
        run.startForwardReversible();
        run.awaitCanCommit();
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        FaultTeardown.stopEverything(run, clusters, forward, backward);
    }

    @Test
    @Order(1)
    void case5_pausedWhileTheApplicationWritesOnThenResumed() {
        FaultRun.Measurement measurement = run.beginFault("5", "paused until " + WRITES_WHILE_PAUSED
                + " source writes accumulated");
        run.pause();
        long before = forward.total();
        await(WRITES_WHILE_PAUSED + " writes while paused", FaultRun.STEP)
                .until(() -> forward.total() - before >= WRITES_WHILE_PAUSED);
        assertThat(run.progress().path("state").asText()).isEqualTo("PAUSED");
        Instant resumedAt = Instant.now();
        run.resume();
        RecoveryProbe probe = run.writeProbe(0, databases);
        measurement.recovered(probe.awaitArrival(clusters.sync(1), resumedAt));
        assertThat(forward.running()).as("the workload rode out the pause").isTrue();
    }

    @Test
    @Order(2)
    void case2_killedInRunning() {
        FaultRun.Measurement measurement = run.beginFault("2", "kill -9 control plane in RUNNING");
        Instant killedAt = run.killControlPlane();
        RecoveryProbe probe = run.writeProbe(0, databases);
        run.restart();
        assertThat(run.progress().path("state").asText()).isEqualTo("RUNNING");
        measurement.recovered(probe.awaitArrival(clusters.sync(1), killedAt));
    }

    @Test
    @Order(3)
    void case2_killedInPaused() {
        run.pause();
        FaultRun.Measurement measurement = run.beginFault("2", "kill -9 control plane in PAUSED");
        Instant killedAt = run.killControlPlane();
        RecoveryProbe probe = run.writeProbe(0, databases);
        run.restart();
        assertThat(run.progress().path("state").asText()).isEqualTo("PAUSED");
        run.resume();
        measurement.recovered(probe.awaitArrival(clusters.sync(1), killedAt));
    }

    /**
     * One commit, killed once inside each of its steps: the hold of step k is lifted while the control plane is
     * down and the hold of step k+1 set, so the restarted commit finishes step k and stops inside k+1. Step 3 is
     * left held over its restart until its commit markers arrived on cluster1 (the drain recovered: its recovery
     * time), so that the worker can be frozen for step 4 with nothing more to deliver.
     */
    @Test
    @Order(4)
    void case2_killedInCommittingAtEachStep() {
        CommitStepHold hold = CommitStepHold.at(run, 1);
        hold.arm();
        run.awaitCanCommit();
        run.commit();
        for (int step = 1; step <= 8; step++) {
            CommitStepHold held = hold;
            run.awaitPersisted("commit held at step " + step, at -> held.held());
            FaultRun.Measurement measurement = run.beginFault("2", "kill -9 control plane in COMMITTING at step "
                    + step + "/8 (" + hold.how() + ")");
            Instant killedAt = run.killControlPlane(step == 4 ? hold::release : () -> { });
            if (step != 3) {
                hold.release();
            }
            CommitStepHold next = step < 8 ? CommitStepHold.at(run, step + 1) : null;
            if (next != null && step + 1 != 4) {
                next.arm();
            }
            run.restart();
            assertThat(run.controlPlane().console()).contains("Recovered the sync in state COMMITTING");
            if (step == 3) {
                await("the commit markers on cluster1", FaultRun.STEP).until(this::commitMarkersArrived);
                measurement.recovered(Duration.between(killedAt, Instant.now()));
                next.arm();
                hold.release();
            } else {
                run.awaitPersisted("the commit past step " + step, at -> held.passed());
                measurement.recovered(Duration.between(killedAt, Instant.now()));
            }
            hold = next;
        }
        run.awaitCommitted();
        assertThat(forward.blockedAt()).as("the commit's write blocking stopped the application").isPresent();
        forward.stop();
    }

    @Test
    @Order(5)
    void case2_killedInCommitted() {
        Document opened = new Document("_id", "written on the opened destination");
        clusters.app(1).getDatabase("shop").getCollection("orders").insertOne(opened);
        backward = SourceWorkload.start(clusters.app(1), SourceWorkload.Settings.defaults("w1"));
        FaultRun.Measurement measurement = run.beginFault("2", "kill -9 control plane in COMMITTED");
        Instant killedAt = run.killControlPlane();
        run.restart();
        run.awaitCommitted();
        measurement.recovered(Duration.between(killedAt, Instant.now()));
        // nothing is deployed again, so nothing overwrites the opened destination
        assertThat(run.controlPlane().console()).doesNotContain("deployed pair");
        assertThat(clusters.sync(1).getDatabase("shop").getCollection("orders").find(Filters.eq("_id",
                opened.get("_id"))).first()).isNotNull();
    }

    /** Reverse step 3 (keeping the old source blocked) is held while cluster0 refuses the control plane's command. */
    @Test
    @Order(6)
    void case2_killedInReversing() {
        FailCommand cluster0 = clusters.failCommand(0);
        cluster0.unreachableFor(FailCommand.CONTROL_PLANE_APP, "setUserWriteBlockMode");
        run.reverse();
        run.awaitPersisted("the reverse held at its step 3", at -> at.equals(java.util.Optional.of(
                new PersistedProcedure("REVERSE", 3))) && run.logged("Reverse step 3/3 failed; retrying"));
        FaultRun.Measurement measurement = run.beginFault("2", "kill -9 control plane in REVERSING at step 3/3 "
                + "(setUserWriteBlockMode on cluster0 unreachable)");
        Instant killedAt = run.killControlPlane();
        cluster0.off();
        RecoveryProbe probe = run.writeProbe(1, databases);
        run.restart();
        assertThat(run.controlPlane().console()).contains("Recovered the sync in state REVERSING");
        run.awaitProgress("RUNNING from cluster1 to cluster0", p -> p.path("state").asText().equals("RUNNING")
                && p.path("directionMapping").path("Source").asText().startsWith("cluster1: ")
                && p.path("directionMapping").path("Destination").asText().startsWith("cluster0: "));
        measurement.recovered(probe.awaitArrival(clusters.sync(0), killedAt));
        assertThat(clusters.sync(0).getDatabase("shop").getCollection("orders").countDocuments()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void case2_endsCommittedWithNothingLostAndNothingDeployedTwice() {
        run.finish(backward);
        List<String> deployed = new ArrayList<>();
        for (ControlPlaneProcess process : run.controlPlanes()) {
            DEPLOYED.matcher(process.console()).results().forEach(m -> deployed.add(m.group(1)));
            assertThat(process.console()).as("no restart found a connector missing").doesNotContain("deployed pair");
        }
        assertThat(deployed).as("each connector is deployed once over every restart").doesNotHaveDuplicates()
                .hasSize(CONNECTORS_OF_TWO_PAIRS);
    }

    /** The commit marker of every sync group was written on cluster0 and is on cluster1, for the same commit point. */
    private boolean commitMarkersArrived() {
        List<Document> written = clusters.sync(0).getDatabase(MarkerNamespace.DATABASE)
                .getCollection(MarkerNamespace.MARKERS)
                .find(Filters.eq(MarkerCodec.ID + "." + MarkerCodec.KIND, MarkerKind.COMMIT_POINT.wireName()))
                .into(new ArrayList<>());
        return written.size() == SYNC_GROUPS && written.stream().allMatch(marker -> {
            Document arrived = clusters.sync(1).getDatabase(MarkerNamespace.DATABASE)
                    .getCollection(MarkerNamespace.MARKERS).find(Filters.eq(MarkerCodec.ID, marker.get(MarkerCodec.ID)))
                    .first();
            return arrived != null && arrived.get(MarkerCodec.SOURCE_CLUSTER_TIME)
                    .equals(marker.get(MarkerCodec.SOURCE_CLUSTER_TIME));
        });
    }
}
