package io.c2csync.controlplane.sync;

import java.util.Optional;

/**
 * Port: the embedded verifier. It compares on its own threads; no method waits for a comparison, so the coordinator
 * thread is never held by one. Thread-safe.
 */
public interface Verification {

    /** The counters of the current or last comparison of this pair; empty when verification is off for the sync. */
    Optional<VerificationReport> report(ConnectorPair pair);

    /**
     * The commit's final check of the pair, meant to run once the destination has applied everything up to
     * the commit point (the source's cluster time after its writes were blocked) and the forward connectors are paused. The first call begins it in the background (a
     * comparison running beside the sync is stopped for it); later calls return {@link FinalCheck.Status#RUNNING}
     * until it ends, then its result once. A call after that begins a new check.
     *
     * @throws SyncException when the check could not be carried out (e.g. {@link SyncError#CLUSTER_UNREACHABLE})
     */
    FinalCheck finalCheck(ConnectorPair pair, ClusterTime commitPoint);
}
