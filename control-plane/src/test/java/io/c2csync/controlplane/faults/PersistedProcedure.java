package io.c2csync.controlplane.faults;

/** The procedure step a control plane persisted in {@code sync-state.json}: e.g. COMMIT 3 (step 3 not done yet). */
public record PersistedProcedure(String kind, int step) {
    public boolean isCommitAt(int commitStep) {
        return kind.equals("COMMIT") && step == commitStep;
    }
}
