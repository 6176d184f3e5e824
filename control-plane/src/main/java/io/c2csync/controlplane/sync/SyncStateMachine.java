package io.c2csync.controlplane.sync;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The one place that decides which call is allowed in which state, and where it leads. */
public final class SyncStateMachine {
    private SyncStateMachine() {
    }

    public static Set<ApiCall> allowedCalls(SyncState state) {
        return switch (state) {
            case INITIALIZING, COMMITTING, REVERSING -> EnumSet.of(ApiCall.PROGRESS);
            case IDLE -> EnumSet.of(ApiCall.START, ApiCall.PROGRESS);
            case RUNNING -> EnumSet.of(ApiCall.PAUSE, ApiCall.COMMIT, ApiCall.PROGRESS);
            case PAUSED -> EnumSet.of(ApiCall.RESUME, ApiCall.PROGRESS);
            case COMMITTED -> EnumSet.of(ApiCall.REVERSE, ApiCall.PROGRESS);
        };
    }

    /**
     * The state the command leads to from {@code state}.
     *
     * @throws SyncException {@link SyncError#INVALID_STATE} naming the state and the allowed calls
     */
    public static SyncState decide(SyncState state, SyncCommand command) {
        ApiCall call = command.call();
        Set<ApiCall> allowed = allowedCalls(state);
        if (!allowed.contains(call)) {
            throw new SyncException(SyncError.INVALID_STATE, "cannot " + call.pathName() + " while the sync is "
                    + state + "; allowed in " + state + ": "
                    + allowed.stream().map(ApiCall::pathName).collect(Collectors.joining(", ")));
        }
        return switch (call) {
            case START, RESUME -> SyncState.RUNNING;
            case PAUSE -> SyncState.PAUSED;
            case COMMIT -> SyncState.COMMITTING;
            case REVERSE -> SyncState.REVERSING;
            case PROGRESS -> state;
        };
    }

    /**
     * As {@link #decide(SyncState, SyncCommand)}, and while a procedure runs only progress is
     * allowed: a start being finished after a restart keeps the state RUNNING but takes no calls.
     * A commit {@code stopped} at a step (see {@link ProcedureFailure}) also takes commit, which runs
     * that step again.
     */
    public static SyncState decide(SyncState state, Optional<ProcedureKind> running, boolean stopped,
            SyncCommand command) {
        boolean commitStopped = stopped && running.equals(Optional.of(ProcedureKind.COMMIT));
        if (commitStopped && command.call() == ApiCall.COMMIT) {
            return SyncState.COMMITTING;
        }
        if (running.isPresent() && command.call() != ApiCall.PROGRESS) {
            throw new SyncException(SyncError.INVALID_STATE, "cannot " + command.call().pathName() + " while the "
                    + running.get().name().toLowerCase(Locale.ROOT) + " procedure of the sync "
                    + (stopped ? "is stopped" : "runs") + " (state " + state + "); allowed now: progress"
                    + (commitStopped ? ", commit (runs the stopped step again)" : ""));
        }
        return decide(state, command);
    }

    /** The state the current pair's connectors should be in; empty while a procedure drives them. */
    public static Optional<ConnectorState> desiredConnectorState(SyncState state) {
        return switch (state) {
            case RUNNING -> Optional.of(ConnectorState.RUNNING);
            case PAUSED, COMMITTED -> Optional.of(ConnectorState.PAUSED);
            case INITIALIZING, IDLE, COMMITTING, REVERSING -> Optional.empty();
        };
    }
}
