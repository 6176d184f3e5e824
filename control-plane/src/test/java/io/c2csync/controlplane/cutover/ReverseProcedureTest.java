package io.c2csync.controlplane.cutover;

import static io.c2csync.runtime.Await.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.fakes.FakeClusterAdmin;
import io.c2csync.controlplane.fakes.FakePipeline;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.progress.ProgressReport;
import io.c2csync.controlplane.sync.ClusterAction;
import io.c2csync.controlplane.sync.ClusterFacts;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.IndexBuild;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.ServerVersion;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.WriteBlocking;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReverseProcedureTest {
    private final SyncHarness harness = new SyncHarness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    @Test
    void deploysTheMirroredPairFromTheRecordedDestinationTime() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.COMMITTED);
        SyncRecord committed = harness.store.load().orElseThrow();
        int mark = harness.journal.size();

        coordinator.reverse();
        SyncHarness.awaitState(coordinator, SyncState.RUNNING);

        assertThat(harness.journal.since(mark)).containsExactly(
                "pipeline: deploy 2 cluster1->cluster0 from " + committed.destinationOpenedAt(),
                "pipeline: remove 1",
                "cluster0: setUserWriteBlocking(true)");
        assertThat(harness.pipeline.deployed(new PairId(1))).isEmpty();
        assertThat(harness.pipeline.state(new PairId(2))).isEqualTo(ConnectorState.RUNNING);
        assertThat(harness.cluster0.writesBlocked()).isTrue();
        assertThat(harness.cluster1.writesBlocked()).isFalse();
        ProgressReport progress = coordinator.progress();
        assertThat(progress.directionSource()).isEqualTo("cluster1: host1:27017");
        assertThat(progress.directionDestination()).isEqualTo("cluster0: host0:27017");
        assertThat(progress.canWrite()).isFalse();
    }

    @Test
    void commitAndReverseRepeat() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.COMMITTED);
        coordinator.reverse();
        SyncHarness.awaitState(coordinator, SyncState.RUNNING);
        int mark = harness.journal.size();

        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);
        SyncRecord committedBack = harness.store.load().orElseThrow();
        coordinator.reverse();
        SyncHarness.awaitState(coordinator, SyncState.RUNNING);

        assertThat(harness.journal.since(mark)).containsExactly(
                "cluster1: setUserWriteBlocking(true)",
                "cluster1: clusterTime " + committedBack.commitPoint(),
                "pipeline: pause 2",
                "cluster0: convertRecordedUniqueIndexes",
                "verifier: final check of pair 2 EQUAL",
                "cluster0: clusterTime " + committedBack.destinationOpenedAt(),
                "cluster0: setUserWriteBlocking(false)",
                "pipeline: deploy 3 cluster0->cluster1 from " + committedBack.destinationOpenedAt(),
                "pipeline: remove 2",
                "cluster1: setUserWriteBlocking(true)");
        assertThat(harness.store.load().orElseThrow().direction()).isEqualTo(SyncHarness.FORWARD);
        assertThat(harness.cluster0.writesBlocked()).isFalse();
        assertThat(harness.cluster1.writesBlocked()).isTrue();
    }

    @Test
    void aRestartDuringReverseFinishesIt() {
        SyncCoordinator first = harness.coordinatorIn(SyncState.COMMITTED);
        int mark = harness.journal.size();
        harness.pipeline.fail(FakePipeline.Operation.REMOVE);

        first.reverse();
        await("reverse retrying step 2", SyncHarness.AWAIT).until(() -> first.progress().warnings().stream()
                .anyMatch(w -> w.startsWith("Reverse step 2/3 failed, retrying")));
        first.close();
        harness.pipeline.heal();
        SyncCoordinator second = harness.recovered();
        SyncHarness.awaitState(second, SyncState.RUNNING);

        assertThat(harness.journal.since(mark)).containsExactly(
                "pipeline: deploy 2 cluster1->cluster0 from " + harness.cluster1.clusterTimesHandedOut().get(0),
                "pipeline: remove 1",
                "cluster0: setUserWriteBlocking(true)");
        assertThat(harness.store.load().orElseThrow().pair()).isEqualTo(new PairId(2));
    }

    @Test
    void refusesASyncStartedWithoutReversible() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncSpec.defaults(SyncHarness.FORWARD));
        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);

        assertReverseNotAllowed(coordinator, "started without \"reversible\": true");
    }

    @Test
    void refusesAClusterOlderThanSix() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.COMMITTED);
        harness.cluster1.withFacts(new ClusterFacts(new ServerVersion(5, 0), true,
                EnumSet.allOf(ClusterAction.class), List.of("shop")));

        assertReverseNotAllowed(coordinator, "cluster1: host1:27017 runs MongoDB 5.0; reverse needs MongoDB 6.0");
    }

    @Test
    void refusesAUserWithoutBypassWriteBlocking() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.COMMITTED);
        EnumSet<ClusterAction> withoutBypass = EnumSet.allOf(ClusterAction.class);
        withoutBypass.remove(ClusterAction.BYPASS_WRITE_BLOCKING_MODE);
        harness.cluster0.withFacts(new ClusterFacts(new ServerVersion(7, 0), true, withoutBypass, List.of("shop")));

        assertReverseNotAllowed(coordinator, "the user of cluster0: host0:27017 lacks the privilege actions: "
                + "bypassWriteBlockingMode");
    }

    @Test
    void refusesASyncWithoutSourceWriteBlocking() {
        SyncSpec destinationOnly = new SyncSpec(SyncHarness.FORWARD, true, WriteBlocking.DESTINATION_ONLY, List.of(),
                List.of(), IndexBuild.AFTER_DATA_COPY, true);
        Map<ClusterName, ClusterFacts> facts = new EnumMap<>(ClusterName.class);
        facts.put(ClusterName.CLUSTER0, harness.cluster0.inspect());
        facts.put(ClusterName.CLUSTER1, harness.cluster1.inspect());

        assertThatThrownBy(() -> ReverseRequirements.check(destinationOnly, harness.clusters, facts))
                .isInstanceOfSatisfying(SyncException.class, e -> {
                    assertThat(e.error()).isEqualTo(SyncError.REVERSE_NOT_ALLOWED);
                    assertThat(e.description()).contains("without \"enableUserWriteBlocking\": true");
                });
    }

    @Test
    void reportsAnUnreachableCluster() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.COMMITTED);
        harness.cluster0.fail(FakeClusterAdmin.Operation.INSPECT);

        assertThatThrownBy(coordinator::reverse).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.error()).isEqualTo(SyncError.CLUSTER_UNREACHABLE));
        assertThat(coordinator.state()).isEqualTo(SyncState.COMMITTED);
    }

    private static void assertReverseNotAllowed(SyncCoordinator coordinator, String requirement) {
        assertThatThrownBy(coordinator::reverse).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.error()).isEqualTo(SyncError.REVERSE_NOT_ALLOWED);
            assertThat(e.description()).contains(requirement);
        });
        assertThat(coordinator.state()).isEqualTo(SyncState.COMMITTED);
    }
}
