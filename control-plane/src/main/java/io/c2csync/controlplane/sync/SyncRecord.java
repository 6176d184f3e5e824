package io.c2csync.controlplane.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything a restart needs, persisted through {@link SyncStateStore} on every change.
 *
 * @param state the desired state: what the API asked for, or where a procedure has got to
 * @param direction the current direction (swapped by each reverse; {@code spec} keeps the original)
 * @param pair the connector pair currently carrying the sync
 * @param pairStart the cluster time the current pair started reading at; null for the initial copy
 * @param commitPoint source cluster time taken by the last commit, after the source was blocked
 * @param destinationOpenedAt destination cluster time recorded before its writes were opened
 * @param procedure the step of a running commit or reverse, null when none runs
 */
public record SyncRecord(
        ClusterAddresses clusters,
        SyncSpec spec,
        Direction direction,
        SyncState state,
        PairId pair,
        ClusterTime pairStart,
        ClusterTime commitPoint,
        ClusterTime destinationOpenedAt,
        ProcedureStep procedure) {

    public SyncRecord {
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(pair, "pair");
    }

    public static SyncRecord started(ClusterAddresses clusters, SyncSpec spec) {
        return new SyncRecord(clusters, spec, spec.direction(), SyncState.RUNNING, new PairId(1), null, null, null,
                null);
    }

    /** The connector pair as it must be deployed: what a deploy or a redeploy sends to Connect. */
    public ConnectorPair currentPair() {
        return new ConnectorPair(pair, direction, spec,
                pairStart == null ? StartPoint.initialCopy() : StartPoint.at(pairStart));
    }

    public SyncRecord withState(SyncState newState) {
        return new SyncRecord(clusters, spec, direction, newState, pair, pairStart, commitPoint, destinationOpenedAt,
                procedure);
    }

    public SyncRecord withProcedure(ProcedureStep newProcedure) {
        return new SyncRecord(clusters, spec, direction, state, pair, pairStart, commitPoint, destinationOpenedAt,
                newProcedure);
    }

    public SyncRecord withCommitPoint(ClusterTime time) {
        return new SyncRecord(clusters, spec, direction, state, pair, pairStart, time, destinationOpenedAt, procedure);
    }

    public SyncRecord withDestinationOpenedAt(ClusterTime time) {
        return new SyncRecord(clusters, spec, direction, state, pair, pairStart, commitPoint, time, procedure);
    }

    /** The next connector pair, carrying the sync the other way from {@code start}. */
    public SyncRecord reversedOnto(PairId newPair, ClusterTime start) {
        return new SyncRecord(clusters, spec, direction.reversed(), state, newPair, start, commitPoint,
                destinationOpenedAt, procedure);
    }

    public Optional<ProcedureStep> runningProcedure() {
        return Optional.ofNullable(procedure);
    }

    public Optional<ClusterTime> commitPointIfTaken() {
        return Optional.ofNullable(commitPoint);
    }

    public Optional<ClusterTime> destinationOpenedAtIfRecorded() {
        return Optional.ofNullable(destinationOpenedAt);
    }
}
