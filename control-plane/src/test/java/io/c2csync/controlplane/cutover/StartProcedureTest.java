package io.c2csync.controlplane.cutover;

import static io.c2csync.runtime.Await.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.fakes.FakeClusterAdmin;
import io.c2csync.controlplane.fakes.FakePipeline;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StartProcedureTest {
    private final SyncHarness harness = new SyncHarness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    @Test
    void blocksTheDestinationThenDeploys() {
        SyncCoordinator coordinator = harness.recovered();

        coordinator.start(SyncHarness.reversibleSpec());

        assertThat(harness.journal.entries()).containsExactly("cluster1: setUserWriteBlocking(true)",
                "pipeline: deploy 1 cluster0->cluster1 from initial copy");
        assertThat(harness.store.load()).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(SyncState.RUNNING);
            assertThat(r.runningProcedure()).isEmpty();
        });
    }

    @Test
    void undoesAStartWhoseDeployFailed() {
        SyncCoordinator coordinator = harness.recovered();
        harness.pipeline.fail(FakePipeline.Operation.DEPLOY);

        assertThatThrownBy(() -> coordinator.start(SyncHarness.reversibleSpec()))
                .isInstanceOfSatisfying(SyncException.class,
                        e -> assertThat(e.error()).isEqualTo(SyncError.CONNECT_UNAVAILABLE));

        assertThat(harness.journal.entries()).containsExactly("cluster1: setUserWriteBlocking(true)",
                "pipeline: remove 1", "cluster1: setUserWriteBlocking(false)");
        assertThat(harness.store.load()).isEmpty();
        assertThat(coordinator.state()).isEqualTo(SyncState.IDLE);

        harness.pipeline.heal();
        coordinator.start(SyncHarness.reversibleSpec());
        assertThat(coordinator.state()).isEqualTo(SyncState.RUNNING);
    }

    @Test
    void reportsWhatCouldNotBeUndone() {
        SyncCoordinator coordinator = harness.recovered();
        harness.cluster1.fail(FakeClusterAdmin.Operation.WRITE_BLOCKING);

        assertThatThrownBy(() -> coordinator.start(SyncHarness.reversibleSpec()))
                .isInstanceOfSatisfying(SyncException.class, e -> {
                    assertThat(e.error()).isEqualTo(SyncError.CLUSTER_UNREACHABLE);
                    assertThat(e.getSuppressed()).singleElement()
                            .satisfies(undo -> assertThat(undo).hasMessageContaining("WRITE_BLOCKING"));
                });
        assertThat(harness.journal.entries()).containsExactly("pipeline: remove 1");
        assertThat(coordinator.state()).isEqualTo(SyncState.IDLE);
    }

    @Test
    void aRestartFinishesAnInterruptedStartWithoutRepeatingDoneSteps() {
        SyncRecord afterStepOne = StartProcedure.begin(SyncRecord.started(harness.clusters.addresses(),
                SyncHarness.reversibleSpec(), List.of())).withProcedure(new ProcedureStep(ProcedureKind.START, 2));
        harness.store.save(afterStepOne);

        SyncCoordinator restarted = harness.recovered();

        await("the start finished", SyncHarness.AWAIT).until(() -> harness.store.load().orElseThrow().runningProcedure().isEmpty());
        assertThat(harness.journal.entries()).containsExactly("pipeline: deploy 1 cluster0->cluster1 from initial copy");
        assertThat(restarted.state()).isEqualTo(SyncState.RUNNING);
    }

    @Test
    void takesNoCallsWhileAStartIsBeingFinished() {
        harness.store.save(StartProcedure.begin(SyncRecord.started(harness.clusters.addresses(),
                SyncHarness.reversibleSpec(), List.of())));
        harness.pipeline.fail(FakePipeline.Operation.DEPLOY);

        SyncCoordinator restarted = harness.recovered();

        await("the start retrying", SyncHarness.AWAIT).until(() -> restarted.progress().warnings().stream()
                .anyMatch(w -> w.startsWith("Start step 2/2 failed, retrying")));
        assertThatThrownBy(restarted::pause).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.error()).isEqualTo(SyncError.INVALID_STATE);
            assertThat(e.description()).contains("start procedure", "allowed now: progress");
        });
        harness.pipeline.heal();
        await("the start finished", SyncHarness.AWAIT).until(() -> harness.store.load().orElseThrow().runningProcedure().isEmpty());
        restarted.pause();
        assertThat(restarted.state()).isEqualTo(SyncState.PAUSED);
    }
}
