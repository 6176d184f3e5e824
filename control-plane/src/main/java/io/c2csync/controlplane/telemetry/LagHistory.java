package io.c2csync.controlplane.telemetry;

import io.c2csync.controlplane.progress.ProgressReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The lag and the applied-event count of the last hour, one point per second at most (a newer
 * report within a second replaces the last point). Thread-safe.
 */
public final class LagHistory {
    public static final Duration KEPT = Duration.ofHours(1);
    static final Duration MIN_SPACING = Duration.ofSeconds(1);
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    /** @param lagSeconds null where the report had no lag (paused, committed, no heartbeat yet) */
    public record Point(Instant at, Long lagSeconds, Long eventsApplied) {
    }

    private final Deque<Point> points = new ArrayDeque<>();

    public synchronized void record(ProgressReport report) {
        Point point = new Point(report.observedAt(), report.lagSeconds(), report.totalEventsApplied());
        Point last = points.peekLast();
        if (last != null && point.at().isBefore(last.at())) {
            return;
        }
        if (last != null && Duration.between(last.at(), point.at()).compareTo(MIN_SPACING) < 0) {
            points.pollLast();
        }
        points.addLast(point);
        Instant oldestKept = point.at().minus(KEPT);
        while (points.peekFirst().at().isBefore(oldestKept)) {
            points.pollFirst();
        }
    }

    public synchronized List<Point> points() {
        return List.copyOf(points);
    }

    /**
     * Events applied per second over the last minute of points; empty with fewer than two points
     * that have a count, or when the count went down (a reverse starts a new connector pair).
     */
    public synchronized Optional<Double> eventsPerSecond() {
        Point newest = points.peekLast();
        if (newest == null || newest.eventsApplied() == null) {
            return Optional.empty();
        }
        Instant windowStart = newest.at().minus(RATE_WINDOW);
        Optional<Point> oldest = points.stream()
                .filter(p -> !p.at().isBefore(windowStart) && p.eventsApplied() != null && p != newest)
                .findFirst();
        return oldest.filter(p -> p.eventsApplied() <= newest.eventsApplied()).map(p -> {
            double seconds = Duration.between(p.at(), newest.at()).toMillis() / 1000.0;
            return (newest.eventsApplied() - p.eventsApplied()) / seconds;
        });
    }
}
