package io.c2csync.controlplane.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * @param history every start, commit and reverse of this sync, oldest first
 * @param sourceDatabasesAtStart the source's user databases when the sync started, which the
 *     connector pairs split into sync groups; null in records from before groups per database
 * @param stoppedBy why the running procedure stopped at its step instead of retrying it; null while it runs or retries
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
        ProcedureStep procedure,
        List<ProcedureRun> history,
        List<String> sourceDatabasesAtStart,
        ProcedureFailure stoppedBy) {

    public SyncRecord {
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(pair, "pair");
        history = history == null ? List.of() : List.copyOf(history);
        sourceDatabasesAtStart = sourceDatabasesAtStart == null ? null : List.copyOf(sourceDatabasesAtStart);
    }

    public static SyncRecord started(ClusterAddresses clusters, SyncSpec spec, List<String> sourceDatabases) {
        return new SyncRecord(clusters, spec, spec.direction(), SyncState.RUNNING, new PairId(1), null, null, null,
                null, List.of(), sourceDatabases, null);
    }

    /** The source's databases at the start; empty for a record from before they were kept. */
    public Optional<List<String>> sourceDatabasesAtStartIfKept() {
        return Optional.ofNullable(sourceDatabasesAtStart);
    }

    /** The connector pair as it must be deployed: what a deploy or a redeploy sends to Connect. */
    public ConnectorPair currentPair() {
        return new ConnectorPair(pair, direction, spec,
                pairStart == null ? StartPoint.initialCopy() : StartPoint.at(pairStart));
    }

    public SyncRecord withState(SyncState newState) {
        return new SyncRecord(clusters, spec, direction, newState, pair, pairStart, commitPoint, destinationOpenedAt,
                procedure, history, sourceDatabasesAtStart, stoppedBy);
    }

    public SyncRecord withProcedure(ProcedureStep newProcedure) {
        return new SyncRecord(clusters, spec, direction, state, pair, pairStart, commitPoint, destinationOpenedAt,
                newProcedure, history, sourceDatabasesAtStart, stoppedBy);
    }

    public SyncRecord withCommitPoint(ClusterTime time) {
        return new SyncRecord(clusters, spec, direction, state, pair, pairStart, time, destinationOpenedAt, procedure,
                history, sourceDatabasesAtStart, stoppedBy);
    }

    public SyncRecord withDestinationOpenedAt(ClusterTime time) {
        return new SyncRecord(clusters, spec, direction, state, pair, pairStart, commitPoint, time, procedure,
                history, sourceDatabasesAtStart, stoppedBy);
    }

    /** The next connector pair, carrying the sync the other way from {@code start}. */
    public SyncRecord reversedOnto(PairId newPair, ClusterTime start) {
        return new SyncRecord(clusters, spec, direction.reversed(), state, newPair, start, commitPoint,
                destinationOpenedAt, procedure, history, sourceDatabasesAtStart, stoppedBy);
    }

    /** Notes the procedure as begun at {@code at}, unless it already is (a step being run again). */
    public SyncRecord withRunBegun(ProcedureKind kind, Instant at) {
        if (openRun().filter(run -> run.kind() == kind).isPresent()) {
            return this;
        }
        List<ProcedureRun> runs = new ArrayList<>(history);
        runs.add(ProcedureRun.begun(kind, direction, at));
        return withHistory(runs);
    }

    /** Notes the open run as finished at {@code at}. */
    public SyncRecord withRunFinished(Instant at) {
        ProcedureRun open = openRun().orElseThrow(() -> new IllegalStateException("no procedure run is open"));
        List<ProcedureRun> runs = new ArrayList<>(history.subList(0, history.size() - 1));
        runs.add(open.finished(at));
        return withHistory(runs);
    }

    /** The last run of the history while it has not finished. */
    public Optional<ProcedureRun> openRun() {
        return history.isEmpty() ? Optional.empty()
                : Optional.of(history.get(history.size() - 1)).filter(run -> run.finishedAtIfDone().isEmpty());
    }

    private SyncRecord withHistory(List<ProcedureRun> runs) {
        return new SyncRecord(clusters, spec, direction, state, pair, pairStart, commitPoint, destinationOpenedAt,
                procedure, runs, sourceDatabasesAtStart, stoppedBy);
    }

    /** Stopped at the current step by {@code failure}, or (null) running again. */
    public SyncRecord withStop(ProcedureFailure failure) {
        return new SyncRecord(clusters, spec, direction, state, pair, pairStart, commitPoint, destinationOpenedAt,
                procedure, history, sourceDatabasesAtStart, failure);
    }

    public Optional<ProcedureFailure> stopIfAny() {
        return Optional.ofNullable(stoppedBy);
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
