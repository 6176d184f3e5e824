package io.c2csync.controlplane.coordinator;

import static io.c2csync.runtime.Await.await;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.fakes.FakeProgressSignals;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureRun;
import io.c2csync.controlplane.sync.SyncState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start, commit and reverse leave their begin and end in the persisted history, and report their durations. */
class ProcedureHistoryTest {
    private final SyncHarness harness = new SyncHarness();
    private final List<String> timings = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private SyncCoordinator listened(SyncCoordinator coordinator) {
        coordinator.addProcedureTimings(new ProcedureTimings() {
            @Override
            public void stepFinished(ProcedureKind kind, int step, Duration took) {
                timings.add(kind + " step " + step + " " + took.toSeconds() + " s");
            }

            @Override
            public void procedureFinished(ProcedureKind kind, Duration took) {
                timings.add(kind + " " + took.toSeconds() + " s");
            }
        });
        return coordinator;
    }

    private List<ProcedureRun> persistedHistory() {
        return harness.store.load().orElseThrow().history();
    }

    @Test
    void startCommitAndReverseAreKeptWithTheirTimesAndDirections() {
        Instant started = harness.clock.instant();
        SyncCoordinator coordinator = listened(harness.recovered());
        coordinator.start(SyncHarness.reversibleSpec());
        harness.clock.advance(Duration.ofMinutes(5));
        Instant commitBegun = harness.clock.instant();
        harness.signals.set(FakeProgressSignals.caughtUp(commitBegun));
        harness.pipeline.setDrained(false);
        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTING);
        await("the commit waiting for the drain (step 3)", SyncHarness.AWAIT).until(() -> harness.store.load().orElseThrow().procedure().step() == 3);
        harness.clock.advance(Duration.ofSeconds(12));
        harness.pipeline.setDrained(true);
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);
        harness.clock.advance(Duration.ofMinutes(1));
        coordinator.reverse();
        SyncHarness.awaitState(coordinator, SyncState.RUNNING);

        Direction forward = SyncHarness.FORWARD;
        assertThat(persistedHistory()).containsExactly(
                new ProcedureRun(ProcedureKind.START, forward, started, started),
                new ProcedureRun(ProcedureKind.COMMIT, forward, commitBegun, commitBegun.plusSeconds(12)),
                new ProcedureRun(ProcedureKind.REVERSE, forward, commitBegun.plusSeconds(72),
                        commitBegun.plusSeconds(72)));
        assertThat(coordinator.progress().directionSource()).startsWith(ClusterName.CLUSTER1.apiName());
        assertThat(timings).contains("COMMIT step 3 12 s", "COMMIT step 6 0 s", "COMMIT 12 s", "REVERSE 0 s",
                "START 0 s");
    }

    @Test
    void aCommitInterruptedByARestartKeepsItsBeginTime() {
        SyncCoordinator first = harness.coordinatorIn(SyncState.COMMITTING);
        Instant commitBegun = harness.clock.instant();
        await("the commit noted as begun", SyncHarness.AWAIT).until(() -> persistedHistory().size() == 2
                && persistedHistory().get(1).finishedAtIfDone().isEmpty());
        first.close();
        harness.clock.advance(Duration.ofSeconds(30));

        SyncCoordinator restarted = listened(harness.recovered());
        harness.pipeline.setDrained(true);
        SyncHarness.awaitState(restarted, SyncState.COMMITTED);

        assertThat(persistedHistory()).last()
                .isEqualTo(new ProcedureRun(ProcedureKind.COMMIT, SyncHarness.FORWARD, commitBegun,
                        commitBegun.plusSeconds(30)));
        assertThat(timings).contains("COMMIT 30 s");
    }
}
