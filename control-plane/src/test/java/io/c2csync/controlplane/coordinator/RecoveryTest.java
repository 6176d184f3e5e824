package io.c2csync.controlplane.coordinator;

import static io.c2csync.runtime.Await.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.ClusterAddresses;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A restart goes INITIALIZING → the persisted state, and makes Connect match it. */
class RecoveryTest {
    private final SyncHarness harness = new SyncHarness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    @Test
    void isInitializingUntilRecoveredThenIdle() {
        SyncCoordinator coordinator = harness.newCoordinator();
        assertThat(coordinator.state()).isEqualTo(SyncState.INITIALIZING);
        assertThat(coordinator.progress().state()).isEqualTo(SyncState.INITIALIZING);

        coordinator.recover();

        assertThat(coordinator.state()).isEqualTo(SyncState.IDLE);
    }

    @ParameterizedTest
    @EnumSource(value = SyncState.class, names = {"RUNNING", "PAUSED", "COMMITTED"})
    void comesBackInThePersistedState(SyncState state) {
        harness.coordinatorIn(state).close();

        SyncCoordinator restarted = harness.recovered();

        assertThat(restarted.state()).isEqualTo(state);
        assertThat(restarted.progress().state()).isEqualTo(state);
    }

    @Test
    void resumesConnectorsFoundPausedWhenTheSyncIsRunning() {
        harness.coordinatorIn(SyncState.RUNNING).close();
        harness.pipeline.pause(new PairId(1));

        harness.recovered();

        assertThat(harness.pipeline.state(new PairId(1))).isEqualTo(ConnectorState.RUNNING);
    }

    @Test
    void pausesConnectorsFoundRunningWhenTheSyncIsPaused() {
        harness.coordinatorIn(SyncState.PAUSED).close();
        harness.pipeline.resume(new PairId(1));

        harness.recovered();

        assertThat(harness.pipeline.state(new PairId(1))).isEqualTo(ConnectorState.PAUSED);
    }

    @Test
    void closingReleasesCallersStillWaitingForTheCoordinatorThread() throws Exception {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        harness.pipeline.holdPauses();
        AtomicReference<Throwable> pauseOutcome = new AtomicReference<>();
        AtomicReference<Throwable> resumeOutcome = new AtomicReference<>();
        Thread pausing = caller(coordinator::pause, pauseOutcome);
        await("the pause running", SyncHarness.AWAIT).until(() -> harness.pipeline.pausesWaiting() == 1);
        Thread resuming = caller(coordinator::resume, resumeOutcome);
        await("the resume queued behind it", SyncHarness.AWAIT).until(() -> resuming.getState() == Thread.State.WAITING);

        coordinator.close();
        pausing.join(20_000);
        resuming.join(20_000);

        assertThat(pauseOutcome.get()).hasRootCauseInstanceOf(InterruptedException.class);
        assertThat(resumeOutcome.get()).isInstanceOf(CancellationException.class);
        assertThat(harness.store.load().orElseThrow().state()).isEqualTo(SyncState.RUNNING);
    }

    private static Thread caller(Runnable call, AtomicReference<Throwable> outcome) {
        Thread thread = new Thread(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        }, "test-caller");
        thread.start();
        return thread;
    }

    @Test
    void refusesASyncBetweenOtherClusters() {
        harness.coordinatorIn(SyncState.RUNNING).close();
        SyncRecord persisted = harness.store.load().orElseThrow();
        harness.store.save(new SyncRecord(new ClusterAddresses("host1:27017", "host0:27017"), persisted.spec(),
                persisted.direction(), persisted.state(), persisted.pair(), null, null, null, null, persisted.history(),
                persisted.sourceDatabasesAtStart(), null));

        SyncCoordinator restarted = harness.newCoordinator();

        assertThatThrownBy(restarted::recover).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to start");
        assertThat(restarted.state()).isEqualTo(SyncState.INITIALIZING);
    }
}
