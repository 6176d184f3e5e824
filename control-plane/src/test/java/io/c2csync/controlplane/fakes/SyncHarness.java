package io.c2csync.controlplane.fakes;

import static io.c2csync.runtime.Await.await;

import io.c2csync.controlplane.coordinator.CoordinatorSettings;
import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.IndexBuild;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.WriteBlocking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A coordinator over fakes. Coordinators made by one harness share the fakes and the store, so
 * closing one and making another is a control-plane restart.
 */
public final class SyncHarness implements AutoCloseable {
    /** How long tests wait for the coordinator thread. */
    public static final Duration AWAIT = Duration.ofSeconds(20);
    public static final Direction FORWARD = new Direction(ClusterName.CLUSTER0, ClusterName.CLUSTER1);

    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    public final Journal journal = new Journal();
    public final FakeClusterAdmin cluster0 = new FakeClusterAdmin("cluster0", "host0:27017", journal);
    public final FakeClusterAdmin cluster1 = new FakeClusterAdmin("cluster1", "host1:27017", journal);
    public final Clusters clusters = new Clusters(cluster0, cluster1);
    public final FakePipeline pipeline = new FakePipeline(journal);
    public final FakeVerification verification = new FakeVerification(journal);
    public final FakeProgressSignals signals = new FakeProgressSignals(FakeProgressSignals.caughtUp(clock.instant()));
    public final InMemorySyncStateStore store = new InMemorySyncStateStore();
    private final List<SyncCoordinator> coordinators = new ArrayList<>();
    private Duration reconcileInterval = Duration.ofHours(1);

    /**
     * For coordinators made from now on; an hour by default, so that tests changing the connectors
     * behind the coordinator's back see the change and not its repair.
     */
    public SyncHarness reconcileEvery(Duration interval) {
        reconcileInterval = interval;
        return this;
    }

    public static SyncSpec reversibleSpec() {
        return new SyncSpec(FORWARD, true, WriteBlocking.SOURCE_AND_DESTINATION, List.of(), List.of(),
                IndexBuild.AFTER_DATA_COPY, true);
    }

    /** A new control-plane process, not yet recovered (INITIALIZING). */
    public SyncCoordinator newCoordinator() {
        SyncCoordinator coordinator = new SyncCoordinator(new CoordinatorSettings("test-coordinator",
                Duration.ofMillis(2), reconcileInterval), clusters, pipeline, signals, verification, store,
                clock);
        coordinators.add(coordinator);
        return coordinator;
    }

    public SyncCoordinator recovered() {
        SyncCoordinator coordinator = newCoordinator();
        coordinator.recover();
        return coordinator;
    }

    public static void awaitState(SyncCoordinator coordinator, SyncState state) {
        await("state " + state + " (now " + coordinator.state() + ")", AWAIT).until(() -> coordinator.state() == state);
    }

    public void awaitPersistedState(SyncState state) {
        await("persisted state " + state, AWAIT).until(() -> store.load().map(r -> r.state() == state).orElse(false));
    }

    /** A recovered coordinator driven through the API calls into {@code state}. */
    public SyncCoordinator coordinatorIn(SyncState state) {
        SyncCoordinator coordinator = state == SyncState.INITIALIZING ? newCoordinator() : recovered();
        switch (state) {
            case INITIALIZING, IDLE -> { }
            case RUNNING -> coordinator.start(reversibleSpec());
            case PAUSED -> {
                coordinator.start(reversibleSpec());
                coordinator.pause();
            }
            case COMMITTING -> {
                coordinator.start(reversibleSpec());
                pipeline.setDrained(false);
                coordinator.commit();
            }
            case COMMITTED -> commit(coordinator);
            case REVERSING -> {
                commit(coordinator);
                pipeline.fail(FakePipeline.Operation.DEPLOY);
                coordinator.reverse();
            }
        }
        if (coordinator.state() != state) {
            throw new AssertionError("could not drive the coordinator into " + state + ", it is " + coordinator.state());
        }
        return coordinator;
    }

    private static void commit(SyncCoordinator coordinator) {
        coordinator.start(reversibleSpec());
        coordinator.commit();
        awaitState(coordinator, SyncState.COMMITTED);
    }

    @Override
    public void close() {
        coordinators.forEach(SyncCoordinator::close);
    }
}
