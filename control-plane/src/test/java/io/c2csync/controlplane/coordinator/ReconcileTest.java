package io.c2csync.controlplane.coordinator;

import static io.c2csync.runtime.Await.await;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.fakes.FakePipeline;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.SyncState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The coordinator keeps the connectors in the state the sync is in (desired vs observed). */
class ReconcileTest {
    private static final PairId FIRST = new PairId(1);

    private final SyncHarness harness = new SyncHarness().reconcileEvery(Duration.ofMillis(5));

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    @Test
    void redeploysARemovedPairFromItsStartPoint() {
        harness.coordinatorIn(SyncState.RUNNING);
        int mark = harness.journal.size();

        harness.pipeline.remove(FIRST);

        await("pair 1 deployed again", SyncHarness.AWAIT).until(() -> harness.pipeline.state(FIRST) == ConnectorState.RUNNING);
        assertThat(harness.journal.since(mark))
                .containsExactly("pipeline: remove 1", "pipeline: deploy 1 cluster0->cluster1 from initial copy");
    }

    @Test
    void redeploysAReversedPairFromTheTimeTheOldDestinationOpened() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.COMMITTED);
        coordinator.reverse();
        SyncHarness.awaitState(coordinator, SyncState.RUNNING);
        PairId reversed = new PairId(2);
        int mark = harness.journal.size();

        harness.pipeline.remove(reversed);

        await("pair 2 deployed again", SyncHarness.AWAIT).until(() -> harness.pipeline.state(reversed) == ConnectorState.RUNNING);
        assertThat(harness.journal.since(mark)).containsExactly("pipeline: remove 2",
                "pipeline: deploy 2 cluster1->cluster0 from " + harness.cluster1.clusterTimesHandedOut().get(0));
    }

    @Test
    void resumesConnectorsPausedBehindItsBack() {
        harness.coordinatorIn(SyncState.RUNNING);

        harness.pipeline.pause(FIRST);

        await("pair 1 resumed", SyncHarness.AWAIT).until(() -> harness.pipeline.state(FIRST) == ConnectorState.RUNNING);
    }

    @Test
    void keepsACommittedSyncsConnectorsPaused() {
        harness.coordinatorIn(SyncState.COMMITTED);

        harness.pipeline.resume(FIRST);

        await("pair 1 paused again", SyncHarness.AWAIT).until(() -> harness.pipeline.state(FIRST) == ConnectorState.PAUSED);
    }

    @Test
    void warnsWhileConnectIsDownAndRecovers() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.PAUSED);
        harness.pipeline.resume(FIRST);
        harness.pipeline.fail(FakePipeline.Operation.PAUSE);

        await("a reconcile warning", SyncHarness.AWAIT).until(() -> coordinator.progress().warnings().stream()
                .anyMatch(w -> w.startsWith("the connectors could not be checked against the PAUSED state")));
        harness.pipeline.heal();

        await("pair 1 paused", SyncHarness.AWAIT).until(() -> harness.pipeline.state(FIRST) == ConnectorState.PAUSED);
        await("the warning gone", SyncHarness.AWAIT).until(() -> coordinator.progress().warnings().isEmpty());
    }

    @Test
    void comesUpInThePersistedStateWhileConnectIsDown() {
        harness.coordinatorIn(SyncState.RUNNING).close();
        harness.pipeline.fail(FakePipeline.Operation.STATUS);

        SyncCoordinator restarted = harness.recovered();

        assertThat(restarted.state()).isEqualTo(SyncState.RUNNING);
        assertThat(restarted.progress().warnings()).anyMatch(w -> w.startsWith("the connectors could not be checked"));
    }
}
