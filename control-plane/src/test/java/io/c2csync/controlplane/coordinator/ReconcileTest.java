package io.c2csync.controlplane.coordinator;

import static io.c2csync.runtime.Await.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.fakes.FakePipeline;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The coordinator keeps the connectors in the state the sync is in (desired vs observed). */
class ReconcileTest {
    private static final PairId FIRST = new PairId(1);
    static final ConnectorStatus.TaskFailure HISTORY_LOST = new ConnectorStatus.TaskFailure(0,
            "org.apache.kafka.connect.errors.ConnectException: ResumeToken not found. Cannot create a change stream cursor",
            ConnectorStatus.Cause.CHANGE_STREAM_HISTORY_LOST);

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
    void restartsAConnectorWhoseTaskFailedAndSaysSoWhileItFails() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        int mark = harness.journal.size();

        harness.pipeline.failTask("org.apache.kafka.connect.errors.ConnectException: An exception occurred when trying"
                + " to get the next item from the Change Stream: Timed out while waiting for a server");

        await("the failed connector restarted", SyncHarness.AWAIT)
                .until(() -> harness.journal.since(mark).contains("pipeline: restart failed 1"));
        await("nothing failed any more", SyncHarness.AWAIT).until(() -> coordinator.progress().warnings().isEmpty());
    }

    @Test
    void restartsTheFailedConnectorsOfARunningCommit() {
        harness.pipeline.setDrained(false);
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        coordinator.commit();
        int mark = harness.journal.size();

        harness.pipeline.failTask("org.apache.kafka.connect.errors.ConnectException: Timed out while waiting for a server");

        await("the failed connector restarted", SyncHarness.AWAIT)
                .until(() -> harness.journal.since(mark).contains("pipeline: restart failed 1"));
        assertThat(coordinator.state()).isEqualTo(SyncState.COMMITTING);
    }

    @Test
    void neverRestartsASourceWhoseResumePointLeftTheOplog() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        int mark = harness.journal.size();
        harness.pipeline.failTask(HISTORY_LOST);

        pauseBehindItsBackAndAwaitTheResume();
        pauseBehindItsBackAndAwaitTheResume();

        assertThat(harness.journal.since(mark)).noneMatch(call -> call.startsWith("pipeline: restart"));
        assertThat(coordinator.progress().warnings()).first().asString()
                .startsWith("ChangeStreamHistoryLost: the source's change stream cannot resume (connector c2c-source-1"
                        + " task 0): its resume point is no longer in the source's oplog (error 286)")
                .contains("replSetResizeOplog", "oplogMinRetentionHours", "start again into an empty destination");
        assertThat(coordinator.progress().canCommit()).isFalse();
    }

    @Test
    void refusesToCommitASyncWhoseResumePointLeftTheOplog() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        harness.pipeline.failTask(HISTORY_LOST);

        assertThatThrownBy(coordinator::commit).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.error()).isEqualTo(SyncError.CHANGE_STREAM_HISTORY_LOST);
            assertThat(e.description()).contains("error 286", "replSetResizeOplog");
        });
        assertThat(coordinator.state()).isEqualTo(SyncState.RUNNING);
    }

    private void pauseBehindItsBackAndAwaitTheResume() {
        int mark = harness.journal.size();
        harness.pipeline.pause(FIRST);
        await("pair 1 resumed by a reconcile", SyncHarness.AWAIT)
                .until(() -> harness.journal.since(mark).contains("pipeline: resume 1"));
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
