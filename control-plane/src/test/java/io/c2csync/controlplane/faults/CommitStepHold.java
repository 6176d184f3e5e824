package io.c2csync.controlplane.faults;

import java.util.Optional;

/**
 * Holds a forward commit (cluster0 → cluster1) at one of its 8 steps by a real fault on what that step does, so that
 * a test can act while the control plane is inside the step; {@link #release()} lets it finish. Steps 1, 2, 5, 6, 7
 * and 8 make the command the step issues fail with HostUnreachable (the emulator's {@code failCommand}, only for the
 * control plane's own connection, by its {@code appName}); the step is retried every second, logging
 * {@code "Commit step k/8 failed; retrying"}. Step 3 (the drain) fails reading the commit marker on the destination;
 * the marker itself still flows. Step 4 (pausing the connectors over Connect's REST API) meets a frozen Connect
 * worker ({@code SIGSTOP}): its requests hang.
 */
public final class CommitStepHold {
    private static final int SOURCE = 0;
    private static final int DESTINATION = 1;

    private final FaultRun run;
    private final int step;
    private ProcessHandle frozenWorker;

    private CommitStepHold(FaultRun run, int step) {
        this.run = run;
        this.step = step;
    }

    public static CommitStepHold at(FaultRun run, int step) {
        if (step < 1 || step > 8) {
            throw new IllegalArgumentException("the commit has steps 1 to 8, not " + step);
        }
        return new CommitStepHold(run, step);
    }

    public int step() {
        return step;
    }

    /** What holds the step, for the report. */
    public String how() {
        return switch (step) {
            case 1 -> "setUserWriteBlockMode on cluster0 unreachable";
            case 2 -> "ping (cluster time) on cluster0 unreachable";
            case 3 -> "reading the commit marker on cluster1 unreachable";
            case 4 -> "Connect worker frozen (SIGSTOP)";
            case 5 -> "find of the recorded unique indexes on cluster1 unreachable";
            case 6 -> "listCollections of the final verification on cluster1 unreachable";
            case 7 -> "ping (cluster time) on cluster1 unreachable";
            default -> "setUserWriteBlockMode on cluster1 unreachable";
        };
    }

    /** Sets the fault; for step 4 the running control plane's worker is frozen, so arm it once that runs. */
    public void arm() {
        FailCommand source = run.clusters().failCommand(SOURCE);
        FailCommand destination = run.clusters().failCommand(DESTINATION);
        switch (step) {
            case 1 -> source.unreachableFor(FailCommand.CONTROL_PLANE_APP, "setUserWriteBlockMode");
            case 2 -> source.unreachableFor(FailCommand.CONTROL_PLANE_APP, "ping");
            case 3 -> destination.unreachableFor(FailCommand.MARKERS_APP, "find");
            case 4 -> {
                frozenWorker = run.runtime().worker();
                Signals.stop(frozenWorker);
            }
            case 5 -> destination.unreachableFor(FailCommand.CONTROL_PLANE_APP, "find");
            case 6 -> destination.unreachableFor(FailCommand.MARKERS_APP, "listCollections");
            case 7 -> destination.unreachableFor(FailCommand.CONTROL_PLANE_APP, "ping");
            default -> destination.unreachableFor(FailCommand.CONTROL_PLANE_APP, "setUserWriteBlockMode");
        }
    }

    /** Lifts the fault (a frozen worker goes on, and exits at once if its control plane is gone). */
    public void release() {
        if (step == 4) {
            Optional.ofNullable(frozenWorker).filter(ProcessHandle::isAlive).ifPresent(Signals::resume);
            return;
        }
        run.clusters().failCommand(step == 1 || step == 2 ? SOURCE : DESTINATION).off();
    }

    /** Whether the running control plane is inside the step and cannot get past it: persisted there, and trying. */
    public boolean held() {
        String trying = step == 4 ? "Commit step 4/8: pausing the forward connectors"
                : "Commit step " + step + "/8 failed; retrying";
        return run.persistedProcedure().filter(at -> at.isCommitAt(step)).isPresent() && run.logged(trying);
    }

    /** Whether the persisted commit has got past the step (or finished). */
    public boolean passed() {
        return run.persistedProcedure().map(at -> !at.kind().equals("COMMIT") || at.step() > step)
                .orElse(true);
    }
}
