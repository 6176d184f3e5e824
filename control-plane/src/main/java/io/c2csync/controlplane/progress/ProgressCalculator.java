package io.c2csync.controlplane.progress;

import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.ProgressSample;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the persisted record and one observation into the progress report. */
public final class ProgressCalculator {
    private static final CopyProgress NOT_STARTED = new CopyProgress(1, 0, false);

    private final Clock clock;
    private final String instanceId;
    private final Clusters clusters;

    public ProgressCalculator(Clock clock, String instanceId, Clusters clusters) {
        this.clock = clock;
        this.instanceId = instanceId;
        this.clusters = clusters;
    }

    /** The lag from now back to the source time of the newest heartbeat applied on the destination. */
    public Optional<Duration> lag(Observation observation) {
        Instant now = clock.instant();
        return observation.sampleIfRead()
                .flatMap(ProgressSample::newestApplied)
                .map(newest -> newest.isAfter(now) ? Duration.ZERO : Duration.between(newest, now));
    }

    /** The report before a sync exists. */
    public ProgressReport withoutSync(SyncState state) {
        return ProgressReport.withoutSync(state, clock.instant());
    }

    public ProgressReport report(SyncRecord record, Observation observation, List<String> procedureWarnings) {
        SyncState state = record.state();
        Optional<Duration> lag = lag(observation);
        Optional<ProgressSample> sample = observation.sampleIfRead();
        boolean canCommit = state == SyncState.RUNNING && CommitReadiness.unmetConditions(observation, lag).isEmpty();
        List<String> warnings = new ArrayList<>(observation.warnings());
        warnings.addAll(procedureWarnings);
        observation.pipelineIfRead().ifPresent(p -> warnings.addAll(PipelineWarnings.of(state, p)));
        Long lagSeconds = pipelineIsPaused(state) ? null : lag.map(Duration::toSeconds).orElse(null);
        return new ProgressReport(
                state,
                canCommit,
                state == SyncState.COMMITTED,
                info(state, sample),
                lagSeconds,
                sample.map(ProgressSample::eventsApplied).orElse(null),
                sample.map(s -> s.copy().estimatedTotalBytes() > 0 ? s.copy() : NOT_STARTED).orElse(NOT_STARTED),
                clusters.describe(record.direction().source()),
                clusters.describe(record.direction().destination()),
                observation.sourcePingMs(),
                observation.destinationPingMs(),
                instanceId,
                sample.flatMap(ProgressSample::verificationReport).orElse(null),
                warnings,
                clock.instant(),
                observation.pipelineIfRead().map(PipelineStatus::connectors).orElse(null),
                record.history());
    }

    /** In PAUSED and COMMITTED the forward pipeline is paused on purpose, so there is no lag to show. */
    private static boolean pipelineIsPaused(SyncState state) {
        return state == SyncState.PAUSED || state == SyncState.COMMITTED;
    }

    private static String info(SyncState state, Optional<ProgressSample> sample) {
        return switch (state) {
            case RUNNING, PAUSED -> sample.map(s -> s.copy().done() ? "change event application" : "collection copy")
                    .orElse(null);
            case COMMITTING -> "waiting for commit to complete";
            case COMMITTED -> "commit completed";
            case INITIALIZING, IDLE, REVERSING -> null;
        };
    }
}
