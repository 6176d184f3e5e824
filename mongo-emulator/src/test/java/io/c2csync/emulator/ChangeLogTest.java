package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

class ChangeLogTest {

    private final ClusterClock clock = new ClusterClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final ChangeLog log = new ChangeLog(clock, new EmulatorOptions.HistoryLimits(5, 1024 * 1024));

    @Test
    void readsStartAtThePositionAndEventsHaveIncreasingTimes() {
        append(3);

        ChangeLog.Slice slice = log.read(1, 10);

        assertThat(slice.events()).extracting(ChangeEvent::sequence).containsExactly(1L, 2L);
        assertThat(slice.events().get(0).clusterTime()).isLessThan(slice.events().get(1).clusterTime());
        assertThat(slice.reachedEnd()).isTrue();
        assertThat(slice.latestTime()).isEqualTo(slice.events().get(1).clusterTime());
        assertThat(log.read(0, 2).reachedEnd()).isFalse();
    }

    @Test
    void positionAfterFindsTheFirstLaterEvent() {
        append(4);
        List<ChangeEvent> events = log.read(0, 10).events();

        assertThat(log.positionAfter(events.get(1).clusterTime())).isEqualTo(2);
        assertThat(log.positionAfter(events.get(3).clusterTime())).isEqualTo(4);
        assertThat(log.eventAt(events.get(2).clusterTime())).contains(events.get(2));
    }

    @Test
    void evictedHistoryIsReportedLost() {
        append(8);

        assertThatThrownBy(() -> log.read(0, 10)).isInstanceOfSatisfying(MongoServerError.class,
            e -> assertThat(e.getCode()).isEqualTo(286));
        assertThat(log.read(3, 10).events()).extracting(ChangeEvent::sequence).containsExactly(3L, 4L, 5L, 6L, 7L);
        ChangeEvent oldest = log.read(3, 1).events().get(0);
        assertThatThrownBy(() -> log.positionAfter(new de.bwaldvogel.mongo.bson.BsonTimestamp(oldest.clusterTime().getValue() - 2)))
            .isInstanceOfSatisfying(MongoServerError.class, e -> assertThat(e.getCode()).isEqualTo(286));
    }

    @Test
    void aByteLimitEvictsTooAndKeepsTheNewestEvent() {
        ChangeLog small = new ChangeLog(clock, new EmulatorOptions.HistoryLimits(100, 200));
        for (int i = 0; i < 3; i++) {
            small.append(ChangeDraft.insert(new Namespace("db", "c"), UUID.randomUUID(), new Document("_id", i).append("pad", "x".repeat(150))));
        }

        assertThat(small.read(2, 10).events()).hasSize(1);
    }

    @Test
    void waitersAreWokenOnceByTheNextAppend() {
        List<String> woken = new ArrayList<>();
        assertThat(log.wakeOnAppendAfter(0, () -> woken.add("first"))).isTrue();
        append(1);
        append(1);

        assertThat(woken).containsExactly("first");
        assertThat(log.wakeOnAppendAfter(0, () -> woken.add("late"))).isFalse();
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            log.append(ChangeDraft.insert(new Namespace("db", "c"), UUID.randomUUID(), new Document("_id", i)));
        }
    }
}
