package io.c2csync.controlplane.telemetry;

import io.c2csync.controlplane.coordinator.ProcedureTimings;
import io.c2csync.controlplane.progress.ProgressReport;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.NamespaceCopy;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.VerificationReport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The sync's meters, each read from the latest progress report (the one {@code /progress} showed
 * last), plus timers of the start, commit and reverse procedures and their steps.
 */
final class SyncMetrics implements ProcedureTimings {
    private final MeterRegistry registry;
    private final AtomicReference<ProgressReport> latest;
    private final AtomicLong eventsApplied = new AtomicLong();
    private final MultiGauge connectorRunning;
    private final MultiGauge connectorFailedTasks;
    private final Map<MultiGauge, ToLongFunction<NamespaceCopy>> namespaceCopy = new LinkedHashMap<>();

    SyncMetrics(MeterRegistry registry, AtomicReference<ProgressReport> latest) {
        this.registry = registry;
        this.latest = latest;
        for (SyncState state : SyncState.values()) {
            gauge("c2c.sync.state", "1 for the state the sync is in, 0 for the others", null,
                    r -> r.state() == state ? 1 : 0, Tags.of("state", state.name()));
        }
        gauge("c2c.sync.can.commit", "1 when a commit would succeed now", null, r -> r.canCommit() ? 1 : 0, Tags.empty());
        gauge("c2c.sync.can.write", "1 when the destination takes application writes (after commit)", null,
                r -> Boolean.TRUE.equals(r.canWrite()) ? 1 : 0, Tags.empty());
        gauge("c2c.sync.lag", "seconds from the newest source event to the newest one applied on the destination",
                "seconds", r -> orNaN(r.lagSeconds()), Tags.empty());
        FunctionCounter.builder("c2c.sync.events.applied", eventsApplied, AtomicLong::get)
                .description("change events applied to the destination by the current connector pair")
                .register(registry);
        gauge("c2c.sync.copy.estimated", "estimated bytes the collection copy has to copy", "bytes",
                r -> copy(r, CopyProgress::estimatedTotalBytes), Tags.empty());
        gauge("c2c.sync.copy.copied", "bytes the collection copy has copied", "bytes",
                r -> copy(r, CopyProgress::estimatedCopiedBytes), Tags.empty());
        gauge("c2c.sync.copy.done", "1 once the collection copy has finished", null,
                r -> r.collectionCopy() == null ? Double.NaN : r.collectionCopy().done() ? 1 : 0, Tags.empty());
        namespaceGauge("c2c.sync.copy.namespace.estimated", "estimated bytes of the namespace to copy", "bytes",
                NamespaceCopy::estimatedBytes);
        namespaceGauge("c2c.sync.copy.namespace.copied", "bytes of the namespace copied", "bytes",
                NamespaceCopy::copiedBytes);
        namespaceGauge("c2c.sync.copy.namespace.estimated.documents", "estimated documents of the namespace to copy",
                null, NamespaceCopy::estimatedDocuments);
        namespaceGauge("c2c.sync.copy.namespace.copied.documents", "documents of the namespace copied", null,
                NamespaceCopy::copiedDocuments);
        for (String side : List.of("source", "destination")) {
            Function<ProgressReport, Long> ping = side.equals("source")
                    ? ProgressReport::sourcePingMs : ProgressReport::destinationPingMs;
            gauge("c2c.sync.ping.latency", "round trip of the last ping; NaN when it failed", "seconds",
                    r -> pingSeconds(ping.apply(r)), Tags.of("cluster", side));
            gauge("c2c.sync.cluster.up", "1 when the last ping answered, 0 when it failed", null,
                    r -> ping.apply(r) == null ? Double.NaN : ping.apply(r) < 0 ? 0 : 1, Tags.of("cluster", side));
            verifier(side);
        }
        gauge("c2c.sync.warnings", "warnings /progress shows now", null, r -> r.warnings().size(), Tags.empty());
        connectorRunning = MultiGauge.builder("c2c.sync.connector.running")
                .description("1 when Connect reports the connector RUNNING").register(registry);
        connectorFailedTasks = MultiGauge.builder("c2c.sync.connector.failed.tasks")
                .description("tasks of the connector that Connect reports FAILED").register(registry);
    }

    /** Takes over what the gauges cannot read by themselves from the latest report. */
    void update(ProgressReport report) {
        if (report.totalEventsApplied() != null) {
            eventsApplied.set(report.totalEventsApplied());
        }
        List<ConnectorStatus> connectors = report.connectors() == null ? List.of() : report.connectors();
        connectorRunning.register(connectors.stream().map(c -> MultiGauge.Row.of(Tags.of("connector", c.name()),
                c.state() == ConnectorState.RUNNING ? 1 : 0)).toList(), true);
        connectorFailedTasks.register(connectors.stream().map(c -> MultiGauge.Row.of(Tags.of("connector", c.name()),
                c.failedTasks().size())).toList(), true);
        List<NamespaceCopy> namespaces = report.collectionCopy() == null ? List.of()
                : report.collectionCopy().namespaces();
        namespaceCopy.forEach((meter, field) -> meter.register(namespaces.stream().map(n -> MultiGauge.Row.of(
                Tags.of("namespace", n.namespace()), field.applyAsLong(n))).toList(), true));
    }

    private void namespaceGauge(String name, String description, String baseUnit, ToLongFunction<NamespaceCopy> field) {
        namespaceCopy.put(MultiGauge.builder(name).description(description).baseUnit(baseUnit).register(registry),
                field);
    }

    @Override
    public void stepFinished(ProcedureKind kind, int step, Duration took) {
        Timer.builder("c2c.sync.procedure.step.duration")
                .description("how long each numbered step of a start, commit or reverse took")
                .tags("procedure", procedureName(kind), "step", Integer.toString(step))
                .register(registry).record(took);
    }

    @Override
    public void procedureFinished(ProcedureKind kind, Duration took) {
        Timer.builder("c2c.sync.procedure.duration")
                .description("how long a whole start, commit or reverse took, from its begin to its end")
                .tags("procedure", procedureName(kind))
                .register(registry).record(took);
    }

    private void verifier(String side) {
        Function<VerificationReport, VerificationReport.Side> pick = side.equals("source")
                ? VerificationReport::source : VerificationReport::destination;
        Tags tags = Tags.of("cluster", side);
        gauge("c2c.sync.verification.estimated.documents", "documents the verifier expects", null,
                r -> verification(r, pick, VerificationReport.Side::estimatedDocumentCount), tags);
        gauge("c2c.sync.verification.hashed.documents", "documents the verifier has hashed", null,
                r -> verification(r, pick, VerificationReport.Side::hashedDocumentCount), tags);
        gauge("c2c.sync.verification.collections", "collections the verifier checks", null,
                r -> verification(r, pick, VerificationReport.Side::totalCollectionCount), tags);
        gauge("c2c.sync.verification.scanned.collections", "collections the verifier has scanned", null,
                r -> verification(r, pick, VerificationReport.Side::scannedCollectionCount), tags);
    }

    private void gauge(String name, String description, String baseUnit, ToDoubleFunction<ProgressReport> value,
            Tags tags) {
        Gauge.builder(name, latest, reference -> value.applyAsDouble(reference.get()))
                .description(description).baseUnit(baseUnit).tags(tags).strongReference(true).register(registry);
    }

    private static double orNaN(Long value) {
        return value == null ? Double.NaN : value;
    }

    private static double copy(ProgressReport report, ToDoubleFunction<CopyProgress> field) {
        return report.collectionCopy() == null ? Double.NaN : field.applyAsDouble(report.collectionCopy());
    }

    private static double pingSeconds(Long millis) {
        return millis == null || millis < 0 ? Double.NaN : millis / 1000.0;
    }

    private static double verification(ProgressReport report, Function<VerificationReport, VerificationReport.Side> pick,
            ToDoubleFunction<VerificationReport.Side> field) {
        return report.verification() == null ? Double.NaN : field.applyAsDouble(pick.apply(report.verification()));
    }

    private static String procedureName(ProcedureKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
