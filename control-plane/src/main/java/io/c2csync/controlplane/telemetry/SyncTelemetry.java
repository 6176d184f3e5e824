package io.c2csync.controlplane.telemetry;

import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.progress.ProgressReport;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source for {@code /progress}, {@code /metrics} and the progress page: every report the
 * coordinator makes through {@link #refresh()} becomes the latest report the meters read and a
 * point of the lag history. A background sampler refreshes it when nobody asks, so the history
 * has no holes while no page is open.
 */
public final class SyncTelemetry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncTelemetry.class);

    private final SyncCoordinator coordinator;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<ProgressReport> latest = new AtomicReference<>();
    private final LagHistory lagHistory = new LagHistory();
    private final SyncMetrics metrics;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress-sampler");
        t.setDaemon(true);
        return t;
    });

    private SyncTelemetry(SyncCoordinator coordinator) {
        this.coordinator = coordinator;
        this.metrics = new SyncMetrics(registry, latest);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        coordinator.addProcedureTimings(metrics);
    }

    /** Takes a first report now and then one every {@code sampleInterval}. */
    public static SyncTelemetry start(SyncCoordinator coordinator, Duration sampleInterval) {
        SyncTelemetry telemetry = new SyncTelemetry(coordinator);
        try {
            telemetry.refresh();
        } catch (RuntimeException e) {
            telemetry.close();
            throw e;
        }
        long interval = sampleInterval.toMillis();
        telemetry.sampler.scheduleWithFixedDelay(telemetry::sample, interval, interval, TimeUnit.MILLISECONDS);
        return telemetry;
    }

    /** A new report from a new observation; what {@code GET /progress} answers. */
    public ProgressReport refresh() {
        ProgressReport report = coordinator.progress();
        latest.set(report);
        metrics.update(report);
        lagHistory.record(report);
        return report;
    }

    /** The report of the last refresh. */
    public ProgressReport latest() {
        return latest.get();
    }

    public List<LagHistory.Point> lagHistory() {
        return lagHistory.points();
    }

    public Optional<Double> eventsPerSecond() {
        return lagHistory.eventsPerSecond();
    }

    /** Every meter in the Prometheus text format, after a refresh. */
    public String scrape() {
        refresh();
        return registry.scrape();
    }

    private void sample() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.error("Sampling the progress failed; the next sample tries again", e);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            if (!sampler.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The progress sampler did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the progress sampler", e);
        }
        gcMetrics.close();
        registry.close();
    }
}
