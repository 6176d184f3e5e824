package io.c2csync.bench;

import java.util.List;

/**
 * One cutover: the writer's rate until its last write, the time from that write to COMMITTED with {@code canWrite}
 * (and from the {@code /commit} call), from {@code /reverse} to RUNNING in the new direction, the logged steps, and
 * what each process cost from the first write to the end of the reverse.
 */
record CutoverResult(boolean verification, Rate writes, double lastWriteToCommitted, double commitCallToCommitted,
                     double reverseToRunning, ProcedureSteps steps, List<ProcessCost> costs) {

    static final double TARGET_SECONDS = 2.0;

    String label() {
        return "verification " + (verification ? "on" : "off");
    }
}
