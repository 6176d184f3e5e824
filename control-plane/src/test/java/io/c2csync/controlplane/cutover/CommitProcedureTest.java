package io.c2csync.controlplane.cutover;

import static io.c2csync.runtime.Await.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.fakes.FakeClusterAdmin;
import io.c2csync.controlplane.fakes.FakePipeline;
import io.c2csync.controlplane.fakes.FakeVerification;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.progress.ProgressReport;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.FinalCheck;
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
                "cluster1: convertRecordedUniqueIndexes",
                "verifier: final check of pair 1 EQUAL",
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
    @ParameterizedTest(name = "crash at step {0}/8")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void aRestartResumesAtThePersistedStep(int failingStep) {
        SyncCoordinator first = harness.recovered();
        first.start(SyncHarness.reversibleSpec());
        int mark = harness.journal.size();
        breakStep(failingStep);

        first.commit();
        await("commit retrying step " + failingStep, SyncHarness.AWAIT).until(() -> first.progress().warnings().stream()
                .anyMatch(w -> w.startsWith("Commit step " + failingStep + "/8 failed, retrying")));
        assertThat(harness.store.load().orElseThrow().procedure().step()).isEqualTo(failingStep);
        first.close();

        harness.cluster0.heal();
        harness.cluster1.heal();
        harness.pipeline.heal();
        harness.verification.heal();
        SyncCoordinator second = harness.recovered();
        SyncHarness.awaitState(second, SyncState.COMMITTED);

        SyncRecord committed = harness.store.load().orElseThrow();
        assertThat(harness.journal.since(mark)).containsExactlyElementsOf(forwardCommitJournal(committed));
        assertThat(second.progress().warnings()).noneMatch(w -> w.startsWith("Commit step"));
        assertThat(second.progress().canWrite()).isTrue();
    }

    @Test
    void aDifferenceFoundByTheFinalCheckStopsTheCommitWithTheDestinationBlockedUntilCommitIsCalledAgain() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncHarness.reversibleSpec());
        harness.verification.outcome(new FinalCheck(FinalCheck.Status.DIFFERENT,
                "1 differences in 1 of 1 namespaces (shop.orders); first: EXTRA_DOCUMENT shop.orders _id 7: planted",
                List.of("EXTRA_DOCUMENT shop.orders _id 7: planted")));

        coordinator.commit();
        awaitStopped(SyncError.VERIFICATION_FAILED);

        assertThat(coordinator.state()).isEqualTo(SyncState.COMMITTING);
        assertThat(harness.store.load().orElseThrow().procedure().step()).isEqualTo(6);
        assertThat(harness.cluster1.writesBlocked()).isTrue();
        assertThat(harness.cluster0.writesBlocked()).isTrue();
        assertThat(coordinator.progress().warnings()).startsWith(
                "Commit step 6/8 stopped with VerificationFailed: the destination differs from the source after the "
                        + "drain: 1 differences in 1 of 1 namespaces (shop.orders); first: EXTRA_DOCUMENT shop.orders "
                        + "_id 7: planted. The commit stopped: user writes stay blocked where the sync blocked them "
                        + "(the destination, and the source if the commit blocked it) and the forward connectors stay "
                        + "paused. Correct the destination with a user holding bypassWriteBlockingMode, then call "
                        + "commit again to run this step again",
                "EXTRA_DOCUMENT shop.orders _id 7: planted");
        assertThatThrownBy(coordinator::pause).isInstanceOfSatisfying(SyncException.class, e ->
                assertThat(e.description()).contains("allowed now: progress, commit (runs the stopped step again)"));
        assertThat(finalChecks()).hasSize(1);

        harness.verification.outcome(FakeVerification.EQUAL);
        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);
        assertThat(harness.cluster1.writesBlocked()).isFalse();
        assertThat(finalChecks()).containsExactly("verifier: final check of pair 1 DIFFERENT",
                "verifier: final check of pair 1 EQUAL");
        assertThat(coordinator.progress().warnings()).isEmpty();
    }

    @Test
    void aStoppedCommitStaysStoppedAcrossARestart() {
        SyncCoordinator first = harness.recovered();
        first.start(SyncHarness.reversibleSpec());
        harness.verification.outcome(new FinalCheck(FinalCheck.Status.DIFFERENT, "differs", List.of()));
        first.commit();
        awaitStopped(SyncError.VERIFICATION_FAILED);
        first.close();

        SyncCoordinator second = harness.recovered();
        // runs on the coordinator thread after the recovery's advance, so that advance has had its turn
        assertThatThrownBy(second::pause).isInstanceOf(SyncException.class);

        assertThat(finalChecks()).hasSize(1);
        assertThat(second.state()).isEqualTo(SyncState.COMMITTING);
        assertThat(second.progress().warnings()).first().asString()
                .startsWith("Commit step 6/8 stopped with VerificationFailed: the destination differs from the source");
    }

    @Test
    void duplicatesOnTheDestinationStopTheCommitBeforeTheFinalCheck() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncHarness.reversibleSpec());
        harness.cluster1.uniqueIndexViolations(List.of("shop.users index email_1: 1 key(s) held by more than one "
                + "document, _ids [1, 2]"));

        coordinator.commit();
        awaitStopped(SyncError.UNIQUE_INDEX_VIOLATION);

        assertThat(harness.store.load().orElseThrow().procedure().step()).isEqualTo(5);
        assertThat(finalChecks()).isEmpty();
        assertThat(harness.cluster1.writesBlocked()).isTrue();
        assertThat(coordinator.progress().warnings()).anyMatch(w -> w.startsWith("Commit step 5/8 stopped with "
                + "UniqueIndexViolation: 1 unique index(es) of the source hold duplicates on the destination, so they "
                + "cannot be made unique there: shop.users index email_1: 1 key(s) held by more than one document, "
                + "_ids [1, 2]."));

        harness.cluster1.uniqueIndexViolations(List.of());
        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);
        assertThat(finalChecks()).containsExactly("verifier: final check of pair 1 EQUAL");
    }

    @Test
    void theFinalCheckRunsBesideTheCoordinatorThreadUntilItEnds() {
        SyncCoordinator coordinator = harness.recovered();
        coordinator.start(SyncHarness.reversibleSpec());
        harness.verification.hold();

        coordinator.commit();
        await("the final check asked again while it runs", SyncHarness.AWAIT).until(() -> finalChecks().size() >= 2);
        assertThatThrownBy(coordinator::pause).isInstanceOf(SyncException.class);
        assertThat(coordinator.state()).isEqualTo(SyncState.COMMITTING);
        assertThat(harness.cluster1.writesBlocked()).isTrue();

        harness.verification.release();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);
        assertThat(finalChecks()).allMatch(check -> check.endsWith("RUNNING") || check.endsWith("EQUAL"))
                .last().isEqualTo("verifier: final check of pair 1 EQUAL");
    }

    @Test
    void verificationTurnedOffAtStartSkipsTheFinalCheck() {
        SyncCoordinator coordinator = harness.recovered();
        SyncSpec on = SyncHarness.reversibleSpec();
        coordinator.start(new SyncSpec(on.direction(), on.reversible(), on.writeBlocking(), on.includeNamespaces(),
                on.excludeNamespaces(), on.buildIndexes(), false));

        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);

        assertThat(finalChecks()).isEmpty();
        assertThat(harness.journal.entries()).contains("cluster1: convertRecordedUniqueIndexes");
    }

    private void awaitStopped(SyncError error) {
        await("the commit stopped with " + error, SyncHarness.AWAIT).until(() -> harness.store.load()
                .flatMap(SyncRecord::stopIfAny).map(failure -> failure.error() == error).orElse(false));
    }

    private List<String> finalChecks() {
        return harness.journal.entries().stream().filter(entry -> entry.startsWith("verifier: ")).toList();
    }

    /** The changes a commit of cluster0 → cluster1 with blocking on both sides makes, in order. */
    private static List<String> forwardCommitJournal(SyncRecord committed) {
        return List.of(
                "cluster0: setUserWriteBlocking(true)",
                "cluster0: clusterTime " + committed.commitPoint(),
                "pipeline: pause 1",
                "cluster1: convertRecordedUniqueIndexes",
                "verifier: final check of pair 1 EQUAL",
                "cluster1: clusterTime " + committed.destinationOpenedAt(),
                "cluster1: setUserWriteBlocking(false)");
    }

    private void breakStep(int step) {
        switch (step) {
            case 1 -> harness.cluster0.fail(FakeClusterAdmin.Operation.WRITE_BLOCKING);
            case 2 -> harness.cluster0.fail(FakeClusterAdmin.Operation.CLUSTER_TIME);
            case 3 -> harness.pipeline.fail(FakePipeline.Operation.APPLIED_THROUGH);
            case 4 -> harness.pipeline.fail(FakePipeline.Operation.PAUSE);
            case 5 -> harness.cluster1.fail(FakeClusterAdmin.Operation.UNIQUE_INDEXES);
            case 6 -> harness.verification.fail();
            case 7 -> harness.cluster1.fail(FakeClusterAdmin.Operation.CLUSTER_TIME);
            case 8 -> harness.cluster1.fail(FakeClusterAdmin.Operation.WRITE_BLOCKING);
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
