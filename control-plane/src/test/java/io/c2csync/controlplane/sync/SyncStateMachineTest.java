package io.c2csync.controlplane.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SyncStateMachineTest {
    /** The contract's table: the state each allowed call leads to; absent calls are refused. */
    private static final Map<SyncState, Map<ApiCall, SyncState>> CONTRACT = Map.of(
            SyncState.INITIALIZING, Map.of(ApiCall.PROGRESS, SyncState.INITIALIZING),
            SyncState.IDLE, Map.of(ApiCall.START, SyncState.RUNNING, ApiCall.PROGRESS, SyncState.IDLE),
            SyncState.RUNNING, Map.of(ApiCall.PAUSE, SyncState.PAUSED, ApiCall.COMMIT, SyncState.COMMITTING,
                    ApiCall.PROGRESS, SyncState.RUNNING),
            SyncState.PAUSED, Map.of(ApiCall.RESUME, SyncState.RUNNING, ApiCall.PROGRESS, SyncState.PAUSED),
            SyncState.COMMITTING, Map.of(ApiCall.PROGRESS, SyncState.COMMITTING),
            SyncState.COMMITTED, Map.of(ApiCall.REVERSE, SyncState.REVERSING, ApiCall.PROGRESS, SyncState.COMMITTED),
            SyncState.REVERSING, Map.of(ApiCall.PROGRESS, SyncState.REVERSING));

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("io.c2csync.controlplane.fakes.StateCells#everyCell")
    void decidesEveryCellAsTheContractSays(SyncState state, ApiCall call) {
        SyncState expected = CONTRACT.get(state).get(call);
        if (expected != null) {
            assertThat(SyncStateMachine.decide(state, command(call))).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> SyncStateMachine.decide(state, command(call)))
                    .isInstanceOfSatisfying(SyncException.class, e -> {
                        assertThat(e.error()).isEqualTo(SyncError.INVALID_STATE);
                        assertThat(e.description())
                                .contains("cannot " + call.pathName(), "is " + state, "allowed in " + state + ":");
                        CONTRACT.get(state).keySet()
                                .forEach(allowed -> assertThat(e.description()).contains(allowed.pathName()));
                    });
        }
    }

    @ParameterizedTest(name = "{1} in {0} while a procedure runs")
    @MethodSource("io.c2csync.controlplane.fakes.StateCells#everyCell")
    void whileAProcedureRunsOnlyProgressIsAllowed(SyncState state, ApiCall call) {
        Optional<ProcedureKind> running = Optional.of(ProcedureKind.START);
        if (call == ApiCall.PROGRESS) {
            assertThat(SyncStateMachine.decide(state, running, false, command(call))).isEqualTo(state);
        } else {
            assertThatThrownBy(() -> SyncStateMachine.decide(state, running, false, command(call)))
                    .isInstanceOfSatisfying(SyncException.class, e -> {
                        assertThat(e.error()).isEqualTo(SyncError.INVALID_STATE);
                        assertThat(e.description()).contains("cannot " + call.pathName(), "start procedure",
                                "state " + state, "allowed now: progress");
                    });
        }
    }

    @ParameterizedTest(name = "{1} while a commit is stopped")
    @EnumSource(ApiCall.class)
    void aStoppedCommitTakesCommitAgainAndProgress(ApiCall call) {
        Optional<ProcedureKind> commit = Optional.of(ProcedureKind.COMMIT);
        if (call == ApiCall.PROGRESS || call == ApiCall.COMMIT) {
            assertThat(SyncStateMachine.decide(SyncState.COMMITTING, commit, true, command(call)))
                    .isEqualTo(SyncState.COMMITTING);
        } else {
            assertThatThrownBy(() -> SyncStateMachine.decide(SyncState.COMMITTING, commit, true, command(call)))
                    .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.description())
                            .contains("is stopped", "allowed now: progress, commit (runs the stopped step again)"));
        }
    }

    private static SyncCommand command(ApiCall call) {
        return switch (call) {
            case START -> new SyncCommand.Start(SyncSpec.defaults(
                    new Direction(ClusterName.CLUSTER0, ClusterName.CLUSTER1)));
            case PROGRESS -> new SyncCommand.ReadProgress();
            case PAUSE -> new SyncCommand.Pause();
            case RESUME -> new SyncCommand.Resume();
            case COMMIT -> new SyncCommand.Commit();
            case REVERSE -> new SyncCommand.Reverse();
        };
    }
}
