package io.c2csync.controlplane.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.ApiCall;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncState;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (state × call) cell through the coordinator with fakes: the settled state, or InvalidState. */
class CoordinatorStateTableTest {
    private static final Map<SyncState, Map<ApiCall, SyncState>> SETTLES_IN = Map.of(
            SyncState.IDLE, Map.of(ApiCall.START, SyncState.RUNNING),
            SyncState.RUNNING, Map.of(ApiCall.PAUSE, SyncState.PAUSED, ApiCall.COMMIT, SyncState.COMMITTED),
            SyncState.PAUSED, Map.of(ApiCall.RESUME, SyncState.RUNNING),
            SyncState.COMMITTED, Map.of(ApiCall.REVERSE, SyncState.RUNNING));

    private final SyncHarness harness = new SyncHarness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("io.c2csync.controlplane.fakes.StateCells#everyCell")
    void answersEveryCell(SyncState state, ApiCall call) {
        SyncCoordinator coordinator = harness.coordinatorIn(state);
        if (call == ApiCall.PROGRESS) {
            assertThat(coordinator.progress().state()).isEqualTo(state);
            return;
        }
        SyncState settled = SETTLES_IN.getOrDefault(state, Map.of()).get(call);
        if (settled == null) {
            assertThatThrownBy(() -> invoke(coordinator, call))
                    .isInstanceOfSatisfying(SyncException.class,
                            e -> assertThat(e.error()).isEqualTo(SyncError.INVALID_STATE));
            assertThat(coordinator.state()).isEqualTo(state);
        } else {
            invoke(coordinator, call);
            SyncHarness.awaitState(coordinator, settled);
            assertThat(harness.store.load()).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(settled));
        }
    }

    private static void invoke(SyncCoordinator coordinator, ApiCall call) {
        switch (call) {
            case START -> coordinator.start(SyncHarness.reversibleSpec());
            case PAUSE -> coordinator.pause();
            case RESUME -> coordinator.resume();
            case COMMIT -> coordinator.commit();
            case REVERSE -> coordinator.reverse();
            case PROGRESS -> coordinator.progress();
        }
    }
}
