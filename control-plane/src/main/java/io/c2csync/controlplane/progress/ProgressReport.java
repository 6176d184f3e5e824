package io.c2csync.controlplane.progress;

import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.ProcedureRun;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.VerificationReport;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@code GET /progress} shows; a field is null where the contract says so (IDLE, PAUSED).
 *
 * @param lagSeconds one lag for overall, CRUD and DDL: all events of a sync group travel one
 *     ordered partition, so DDL cannot lag behind CRUD or the other way round
 * @param sourcePingMs -1 when the last ping failed
 * @param observedAt when the observation behind this report was made
 * @param connectors what Connect reported; null when it could not be read (or before a sync)
 * @param history every start, commit and reverse of the sync, oldest first
 */
public record ProgressReport(
        SyncState state,
        boolean canCommit,
        Boolean canWrite,
        String info,
        Long lagSeconds,
        Long totalEventsApplied,
        CopyProgress collectionCopy,
        String directionSource,
        String directionDestination,
        Long sourcePingMs,
        Long destinationPingMs,
        String instanceId,
        VerificationReport verification,
        List<String> warnings,
        Instant observedAt,
        List<ConnectorStatus> connectors,
        List<ProcedureRun> history) {

    public ProgressReport {
        warnings = List.copyOf(warnings);
        connectors = connectors == null ? null : List.copyOf(connectors);
        history = List.copyOf(history);
    }

    /** Before a sync exists: only the state and {@code canCommit: false}. */
    public static ProgressReport withoutSync(SyncState state, Instant at) {
        return new ProgressReport(state, false, null, null, null, null, null, null, null, null, null, null, null,
                List.of(), at, null, List.of());
    }
}
