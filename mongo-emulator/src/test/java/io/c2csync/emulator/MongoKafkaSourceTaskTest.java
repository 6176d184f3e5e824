package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.kafka.connect.source.MongoSourceTask;

/**
 * mongo-kafka 2.0.1's MongoSourceTask, run in-process the way a Connect worker runs it: a cluster-wide change
 * stream, resumeAfter with the offsets it committed (event tokens and heartbeat tokens), and copy_existing.
 */
class MongoKafkaSourceTaskTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @Test
    void resumesAfterItsCommittedOffsetWithoutLossOrDuplicates() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("kafkaResume").getCollection("orders");
        OffsetStore offsets = new OffsetStore();
        List<SourceRecord> first;
        try (RunningTask task = RunningTask.start(offsets, Map.of())) {
            collection.insertOne(new Document("_id", 1).append("n", 0));
            collection.updateOne(Filters.eq("_id", 1), Updates.inc("n", 1));
            first = task.pollUntil(records -> changeEvents(records).size() >= 2);
        }
        List<Document> firstEvents = changeEvents(first);
        assertThat(firstEvents).extracting(event -> event.getString("operationType")).containsExactly("insert", "update");
        offsets.commit(lastChangeRecord(first));

        collection.deleteOne(Filters.eq("_id", 1));
        collection.insertOne(new Document("_id", 2));
        try (RunningTask task = RunningTask.start(offsets, Map.of())) {
            List<Document> resumed = changeEvents(task.pollUntil(records -> changeEvents(records).size() >= 2));
            assertThat(resumed).extracting(event -> event.getString("operationType")).containsExactly("delete", "insert");
            assertThat(resumed.get(1).get("documentKey", Document.class).get("_id")).isEqualTo(2);
        }
    }

    @Test
    void heartbeatsCarryPostBatchResumeTokensThatResumeWithoutLoss() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("kafkaHeartbeat").getCollection("quiet");
        OffsetStore offsets = new OffsetStore();
        Map<String, String> heartbeats = Map.of("heartbeat.interval.ms", "100");
        SourceRecord heartbeat;
        try (RunningTask task = RunningTask.start(offsets, heartbeats)) {
            List<SourceRecord> records = task.pollUntil(polled -> polled.stream().anyMatch(MongoKafkaSourceTaskTest::isHeartbeat));
            heartbeat = records.stream().filter(MongoKafkaSourceTaskTest::isHeartbeat).reduce((a, b) -> b).orElseThrow();
        }
        assertThat(heartbeat.sourceOffset().toString()).contains("82");
        offsets.commit(heartbeat);

        collection.insertOne(new Document("_id", "after heartbeat"));
        try (RunningTask task = RunningTask.start(offsets, heartbeats)) {
            List<Document> events = changeEvents(task.pollUntil(records -> !changeEvents(records).isEmpty()));
            assertThat(events).extracting(event -> event.get("documentKey", Document.class).get("_id")).containsExactly("after heartbeat");
        }
    }

    @Test
    void copyExistingThenStreamsChanges() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("kafkaCopy").getCollection("existing");
        collection.insertMany(List.of(new Document("_id", 1).append("v", "a"), new Document("_id", 2).append("v", "b")));
        Map<String, String> copy = Map.of("startup.mode", "copy_existing", "database", "kafkaCopy", "collection", "existing");
        try (RunningTask task = RunningTask.start(new OffsetStore(), copy)) {
            List<Document> copied = changeEvents(task.pollUntil(records -> changeEvents(records).size() >= 2));
            assertThat(copied).extracting(event -> event.get("fullDocument", Document.class))
                .containsExactlyInAnyOrder(new Document("_id", 1).append("v", "a"), new Document("_id", 2).append("v", "b"));

            collection.insertOne(new Document("_id", 3).append("v", "c"));
            List<Document> streamed = changeEvents(task.pollUntil(records -> !changeEvents(records).isEmpty()));
            assertThat(streamed).extracting(event -> event.get("documentKey", Document.class).get("_id")).containsExactly(3);
        }
    }

    static boolean isHeartbeat(SourceRecord record) {
        return record.topic().equals("__mongodb_heartbeats");
    }

    private static List<Document> changeEvents(List<SourceRecord> records) {
        return records.stream().filter(record -> !isHeartbeat(record))
            .map(record -> Document.parse((String) record.value())).toList();
    }

    private static SourceRecord lastChangeRecord(List<SourceRecord> records) {
        return records.stream().filter(record -> !isHeartbeat(record)).reduce((a, b) -> b).orElseThrow();
    }

    /** The offsets a Connect worker would have committed for the task's one source partition. */
    static final class OffsetStore implements OffsetStorageReader {
        private Map<String, Object> committed;

        void commit(SourceRecord record) {
            committed = new HashMap<>(record.sourceOffset());
        }

        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return committed;
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
            Map<Map<String, T>, Map<String, Object>> all = new HashMap<>();
            partitions.forEach(partition -> all.put(partition, committed));
            return all;
        }
    }

    record RunningTask(MongoSourceTask task) implements AutoCloseable {

        static RunningTask start(OffsetStore offsets, Map<String, String> extra) {
            return start(CLUSTERS.source().connectionString(), offsets, extra);
        }

        static RunningTask start(String connectionString, OffsetStore offsets, Map<String, String> extra) {
            Map<String, String> config = new HashMap<>(Map.of(
                "connection.uri", connectionString,
                "poll.await.time.ms", "50",
                "poll.max.batch.size", "100",
                "heartbeat.interval.ms", "0"));
            config.putAll(extra);
            MongoSourceTask task = new MongoSourceTask();
            task.initialize(new SourceTaskContext() {
                @Override
                public Map<String, String> configs() {
                    return config;
                }

                @Override
                public OffsetStorageReader offsetStorageReader() {
                    return offsets;
                }

                @Override
                public PluginMetrics pluginMetrics() {
                    throw new UnsupportedOperationException("mongo-kafka 2.0.1 does not use plugin metrics");
                }
            });
            task.start(config);
            return new RunningTask(task);
        }

        List<SourceRecord> pollUntil(Predicate<List<SourceRecord>> enough) {
            List<SourceRecord> records = new ArrayList<>();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!enough.test(records) && System.nanoTime() < deadline) {
                List<SourceRecord> polled = task.poll();
                if (polled != null) {
                    records.addAll(polled);
                }
            }
            assertThat(enough.test(records)).as("records polled before the deadline: " + records).isTrue();
            return records;
        }

        @Override
        public void close() {
            task.stop();
        }
    }
}
