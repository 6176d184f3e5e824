package io.c2csync.controlplane.fakes;

import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.FinalCheck;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.Verification;
import io.c2csync.controlplane.sync.VerificationReport;
import java.util.List;
import java.util.Optional;

/** A verifier whose final check gives what the test set: equal by default, or running while held. */
public final class FakeVerification implements Verification {
    public static final FinalCheck EQUAL = new FinalCheck(FinalCheck.Status.EQUAL, "equal", List.of());

    private final Journal journal;
    private volatile FinalCheck outcome = EQUAL;
    private volatile boolean held;
    private volatile boolean failing;

    public FakeVerification(Journal journal) {
        this.journal = journal;
    }

    /** The next final checks end with {@code next}. */
    public void outcome(FinalCheck next) {
        outcome = next;
    }

    /** Final checks keep running until {@link #release()}. */
    public void hold() {
        held = true;
    }

    public void release() {
        held = false;
    }

    /** Final checks cannot reach the clusters until {@link #heal()}. */
    public void fail() {
        failing = true;
    }

    public void heal() {
        failing = false;
    }

    @Override
    public Optional<VerificationReport> report(ConnectorPair pair) {
        return Optional.empty();
    }

    @Override
    public FinalCheck finalCheck(ConnectorPair pair, ClusterTime commitPoint) {
        if (failing) {
            throw new SyncException(SyncError.CLUSTER_UNREACHABLE, "the verifier cannot reach the clusters");
        }
        FinalCheck check = held ? FinalCheck.running() : outcome;
        journal.add("verifier: final check of pair " + pair.id().generation() + " " + check.status());
        return check;
    }
}
