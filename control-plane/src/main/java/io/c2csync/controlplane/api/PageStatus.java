package io.c2csync.controlplane.api;

import io.c2csync.controlplane.progress.ProgressReport;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.NamespaceCopy;
import io.c2csync.controlplane.sync.ProcedureRun;
import io.c2csync.controlplane.telemetry.LagHistory;
import java.util.List;
import java.util.Locale;

/**
 * What the progress page shows beyond {@code /progress}, from the same latest report.
 *
 * @param connectors null when Connect could not be read (or before a sync)
 * @param eventsPerSecond null until two reports with an event count are a second apart
 * @param copyByNamespace the collection copy per namespace (not in mongosync's {@code /progress}); empty
 *     before a sync and when it could not be measured
 */
record PageStatus(
        String observedAt,
        List<ConnectorStatus> connectors,
        Double eventsPerSecond,
        List<NamespaceCopy> copyByNamespace,
        List<LagPoint> lagHistory,
        List<Run> history) {

    /** @param at epoch milliseconds */
    record LagPoint(long at, Long lagSeconds) {
    }

    /** @param finishedAt null while it runs */
    record Run(String procedure, String source, String destination, String startedAt, String finishedAt,
            Double durationSeconds) {
    }

    static PageStatus of(ProgressReport report, List<LagHistory.Point> lagHistory, Double eventsPerSecond) {
        return new PageStatus(
                report.observedAt().toString(),
                report.connectors(),
                eventsPerSecond,
                report.collectionCopy() == null ? List.of() : report.collectionCopy().namespaces(),
                lagHistory.stream().map(p -> new LagPoint(p.at().toEpochMilli(), p.lagSeconds())).toList(),
                report.history().stream().map(PageStatus::run).toList());
    }

    private static Run run(ProcedureRun run) {
        return new Run(run.kind().name().toLowerCase(Locale.ROOT), run.direction().source().apiName(),
                run.direction().destination().apiName(), run.startedAt().toString(),
                run.finishedAtIfDone().map(Object::toString).orElse(null),
                run.duration().map(d -> d.toMillis() / 1000.0).orElse(null));
    }
}
