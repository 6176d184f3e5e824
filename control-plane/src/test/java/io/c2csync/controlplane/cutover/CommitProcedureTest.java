package io.c2csync.controlplane.cutover;

import static io.c2csync.runtime.Await.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.fakes.FakeClusterAdmin;
import io.c2csync.controlplane.fakes.FakePipeline;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.progress.ProgressReport;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.ProgressSample;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.SyncState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitProcedureTest {
    private final SyncHarness harness = new SyncHarness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    @Test
    void runsTheStepsInTheContractsOrder() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncHarness.reversibleSpec());
        int mark = harness.journal.size();

        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);

        SyncRecord committed = harness.store.load().orElseThrow();
        assertThat(harness.journal.since(mark)).containsExactlyElementsOf(forwardCommitJournal(committed));
        assertThat(committed.runningProcedure()).isEmpty();
        assertThat(harness.cluster0.writesBlocked()).isTrue();
        assertThat(harness.cluster1.writesBlocked()).isFalse();
        ProgressReport progress = coordinator.progress();
        assertThat(progress.canWrite()).isTrue();
        assertThat(progress.info()).isEqualTo("commit completed");
    }

    @Test
    void leavesTheSourceOpenWhenOnlyTheDestinationIsBlocked() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncSpec.defaults(SyncHarness.FORWARD));
        int mark = harness.journal.size();

        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);

        assertThat(harness.journal.since(mark)).containsExactly(
                "cluster0: clusterTime " + harness.store.load().orElseThrow().commitPoint(),
                "pipeline: pause 1",
                "cluster1: clusterTime " + harness.store.load().orElseThrow().destinationOpenedAt(),
                "cluster1: setUserWriteBlocking(false)");
        assertThat(harness.cluster0.writesBlocked()).isFalse();
    }

    @Test
    void waitsUntilTheDestinationReachedTheCommitPoint() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncHarness.reversibleSpec());
        harness.pipeline.setDrained(false);

        coordinator.commit();
        await("commit waiting at step 3", SyncHarness.AWAIT).until(() -> harness.store.load().orElseThrow().runningProcedure()
                .map(step -> step.step() == 3).orElse(false));
        assertThat(coordinator.state()).isEqualTo(SyncState.COMMITTING);
        assertThat(coordinator.progress().info()).isEqualTo("waiting for commit to complete");
        assertThat(harness.pipeline.state(new PairId(1))).isEqualTo(ConnectorState.RUNNING);

        harness.pipeline.setDrained(true);
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);
        assertThat(harness.pipeline.state(new PairId(1))).isEqualTo(ConnectorState.PAUSED);
    }

    @Test
    void refusesWhileTheCopyRuns() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncHarness.reversibleSpec());
        harness.signals.set(new ProgressSample(new CopyProgress(1000, 10, false), harness.clock.instant(), 0, true,
                null));

        assertCommitNotReady(coordinator, "collection copy is not done (10 of about 1000 bytes");
    }

    @Test
    void refusesWhenTheLagIsAboveThirtySeconds() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncHarness.reversibleSpec());
        harness.clock.advance(Duration.ofSeconds(31));

        assertCommitNotReady(coordinator, "the lag is 31 s, more than 30 s");
    }

    @Test
    void refusesWhenATaskFailed() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncHarness.reversibleSpec());
        harness.pipeline.failTask("MongoTimeoutException: timed out");

        assertCommitNotReady(coordinator, "c2c-source-1 RUNNING with 1 failed task(s)");
        assertThat(coordinator.progress().warnings())
                .contains("connector c2c-source-1 task 0 FAILED: MongoTimeoutException: timed out");
    }

    @Test
    void twoConcurrentCommitsCommitOnce() throws Exception {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncHarness.reversibleSpec());
        CountDownLatch go = new CountDownLatch(1);
        Callable<SyncError> commit = () -> {
            go.await();
            try {
                coordinator.commit();
                return null;
            } catch (SyncException e) {
                return e.error();
            }
        };
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<SyncError>> outcomes = new ArrayList<>(List.of(callers.submit(commit), callers.submit(commit)));
            go.countDown();
            List<SyncError> errors = new ArrayList<>();
            for (Future<SyncError> outcome : outcomes) {
                errors.add(outcome.get());
            }
            assertThat(errors).containsExactlyInAnyOrder(null, SyncError.INVALID_STATE);
        } finally {
            callers.shutdownNow();
        }
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);
        assertThat(harness.journal.entries()).containsOnlyOnce("cluster0: setUserWriteBlocking(true)", "pipeline: pause 1");
        assertThat(harness.cluster0.clusterTimesHandedOut()).hasSize(1);
    }

    /** Step k's dependency fails, the process dies while retrying it, a new process finishes the commit. */
    @ParameterizedTest(name = "crash at step {0}/6")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void aRestartResumesAtThePersistedStep(int failingStep) {
        SyncCoordinator first = harness.recovered();
        first.start(SyncHarness.reversibleSpec());
        int mark = harness.journal.size();
        breakStep(failingStep);

        first.commit();
        await("commit retrying step " + failingStep, SyncHarness.AWAIT).until(() -> first.progress().warnings().stream()
                .anyMatch(w -> w.startsWith("Commit step " + failingStep + "/6 failed, retrying")));
        assertThat(harness.store.load().orElseThrow().procedure().step()).isEqualTo(failingStep);
        first.close();

        harness.cluster0.heal();
        harness.cluster1.heal();
        harness.pipeline.heal();
        SyncCoordinator second = harness.recovered();
        SyncHarness.awaitState(second, SyncState.COMMITTED);

        SyncRecord committed = harness.store.load().orElseThrow();
        assertThat(harness.journal.since(mark)).containsExactlyElementsOf(forwardCommitJournal(committed));
        assertThat(second.progress().warnings()).noneMatch(w -> w.startsWith("Commit step"));
        assertThat(second.progress().canWrite()).isTrue();
    }

    /** The changes a commit of cluster0 → cluster1 with blocking on both sides makes, in order. */
    private static List<String> forwardCommitJournal(SyncRecord committed) {
        return List.of(
                "cluster0: setUserWriteBlocking(true)",
                "cluster0: clusterTime " + committed.commitPoint(),
                "pipeline: pause 1",
                "cluster1: clusterTime " + committed.destinationOpenedAt(),
                "cluster1: setUserWriteBlocking(false)");
    }

    private void breakStep(int step) {
        switch (step) {
            case 1 -> harness.cluster0.fail(FakeClusterAdmin.Operation.WRITE_BLOCKING);
            case 2 -> harness.cluster0.fail(FakeClusterAdmin.Operation.CLUSTER_TIME);
            case 3 -> harness.pipeline.fail(FakePipeline.Operation.APPLIED_THROUGH);
            case 4 -> harness.pipeline.fail(FakePipeline.Operation.PAUSE);
            case 5 -> harness.cluster1.fail(FakeClusterAdmin.Operation.CLUSTER_TIME);
            case 6 -> harness.cluster1.fail(FakeClusterAdmin.Operation.WRITE_BLOCKING);
            default -> throw new IllegalArgumentException("commit has no step " + step);
        }
    }

    private void assertCommitNotReady(SyncCoordinator coordinator, String reason) {
        assertThatThrownBy(coordinator::commit).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.error()).isEqualTo(SyncError.COMMIT_NOT_READY);
            assertThat(e.description()).contains(reason);
        });
        assertThat(coordinator.state()).isEqualTo(SyncState.RUNNING);
        assertThat(coordinator.progress().canCommit()).isFalse();
    }
}
