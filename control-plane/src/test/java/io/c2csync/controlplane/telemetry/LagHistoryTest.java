package io.c2csync.controlplane.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.progress.ProgressReport;
import io.c2csync.controlplane.sync.SyncState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagHistoryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final LagHistory history = new LagHistory();

    private static ProgressReport report(Instant at, Long lag, Long events) {
        return new ProgressReport(SyncState.RUNNING, false, false, null, lag, events, null, null, null, null, null,
                "id", null, List.of(), at, null, List.of());
    }

    @Test
    void aReportWithinASecondReplacesTheLastPoint() {
        history.record(report(T0, 5L, 10L));
        history.record(report(T0.plusMillis(400), 6L, 11L));
        history.record(report(T0.plusSeconds(2), 7L, 12L));

        assertThat(history.points()).extracting(LagHistory.Point::lagSeconds).containsExactly(6L, 7L);
    }

    @Test
    void keepsOneHour() {
        history.record(report(T0, 1L, 0L));
        history.record(report(T0.plusSeconds(60), 2L, 0L));
        history.record(report(T0.plus(LagHistory.KEPT).plusSeconds(30), 3L, 0L));

        assertThat(history.points()).extracting(LagHistory.Point::lagSeconds).containsExactly(2L, 3L);
    }

    @Test
    void aReportOlderThanTheLastPointIsNotRecorded() {
        history.record(report(T0.plusSeconds(10), 1L, 0L));
        history.record(report(T0, 2L, 0L));

        assertThat(history.points()).extracting(LagHistory.Point::lagSeconds).containsExactly(1L);
    }

    @Test
    void eventsPerSecondOverTheLastMinute() {
        assertThat(history.eventsPerSecond()).isEmpty();
        history.record(report(T0, 0L, 0L));
        history.record(report(T0.plusSeconds(50), 0L, 400L));
        history.record(report(T0.plusSeconds(70), 0L, 1000L));

        assertThat(history.eventsPerSecond()).contains(30.0);
    }

    @Test
    void noRateWhenTheCountWentDownOrIsMissing() {
        history.record(report(T0, 0L, 500L));
        history.record(report(T0.plusSeconds(10), 0L, 20L));
        assertThat(history.eventsPerSecond()).isEmpty();

        history.record(report(T0.plusSeconds(20), null, null));
        assertThat(history.eventsPerSecond()).isEmpty();
    }
}
