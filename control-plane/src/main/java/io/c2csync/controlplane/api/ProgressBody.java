package io.c2csync.controlplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.c2csync.controlplane.progress.ProgressReport;
import io.c2csync.controlplane.sync.VerificationReport;
import java.util.List;

/** The {@code progress} object of {@code GET /progress}, field for field as mongosync shows it. */
record ProgressBody(
        String state,
        boolean canCommit,
        Boolean canWrite,
        String info,
        Long lagTimeSeconds,
        Lag lag,
        Long totalEventsApplied,
        CollectionCopy collectionCopy,
        DirectionMapping directionMapping,
        Ping source,
        Ping destination,
        @JsonProperty("mongosyncID") String mongosyncId,
        @JsonProperty("coordinatorID") String coordinatorId,
        VerificationReport verification,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    record Lag(Long overallLagSeconds, Long crudLagSeconds, Long ddlLagSeconds) {
    }

    record CollectionCopy(long estimatedTotalBytes, long estimatedCopiedBytes) {
    }

    record DirectionMapping(@JsonProperty("Source") String source, @JsonProperty("Destination") String destination) {
    }

    record Ping(long pingLatencyMs) {
    }

    static ProgressBody of(ProgressReport report) {
        Long lag = report.lagSeconds();
        return new ProgressBody(
                report.state().name(),
                report.canCommit(),
                report.canWrite(),
                report.info(),
                lag,
                lag == null ? null : new Lag(lag, lag, lag),
                report.totalEventsApplied(),
                report.collectionCopy() == null ? null : new CollectionCopy(
                        report.collectionCopy().estimatedTotalBytes(), report.collectionCopy().estimatedCopiedBytes()),
                report.directionSource() == null ? null
                        : new DirectionMapping(report.directionSource(), report.directionDestination()),
                report.sourcePingMs() == null ? null : new Ping(report.sourcePingMs()),
                report.destinationPingMs() == null ? null : new Ping(report.destinationPingMs()),
                report.instanceId(),
                report.instanceId(),
                report.verification(),
                report.warnings());
    }
}
