package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.kafka.connect.sink.MongoSinkTask;

/**
 * mongo-kafka 2.0.1's source task (the cluster-wide change stream) feeding its sink task (ChangeStreamHandler)
 * in-process, without Kafka in between: the destination ends equal to the source for every CRUD shape. No document
 * is updated and then deleted before the source reads the update: its updateLookup fullDocument is then null, as on
 * MongoDB, and mongo-kafka 2.0.1's sink rejects such an event with a DataException.
 * (Cluster-scope copy_existing cannot run here: mongo-kafka 2.0.1 calls driver 4.7's listCollectionNames, whose
 * return type changed in driver 5; collection-scope copy is in {@link MongoKafkaSourceTaskTest}.)
 */
class MongoKafkaRoundTripTest {

    private static final int QUIET_POLLS = 10;

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @Test
    void destinationEqualsSourceAfterEveryCrudShape() {
        MongoClient source = CLUSTERS.client(0);
        MongoCollection<Document> orders = source.getDatabase("shop").getCollection("orders");
        MongoCollection<Document> items = source.getDatabase("shop").getCollection("items");
        MongoCollection<Document> logs = source.getDatabase("audit").getCollection("logs");
        MongoSinkTask sink = startSink();
        Map<String, String> sourceConfig = Map.of("change.stream.full.document", "updateLookup");
        try (MongoKafkaSourceTaskTest.RunningTask task = MongoKafkaSourceTaskTest.RunningTask.start(
            CLUSTERS.source().connectionString(), new MongoKafkaSourceTaskTest.OffsetStore(), sourceConfig)) {
            orders.insertMany(List.of(new Document("_id", 1).append("qty", 1).append("tags", List.of("a", "b", "c")),
                new Document("_id", 2).append("qty", 2)));
            orders.updateOne(Filters.eq("_id", 1), Updates.combine(Updates.inc("qty", 5), Updates.popLast("tags"), Updates.set("sub.x", 1)));
            orders.replaceOne(Filters.eq("_id", 2), new Document("replaced", true));
            orders.updateMany(Filters.exists("_id"), Updates.set("seen", true));
            orders.updateOne(Filters.eq("_id", 3), Updates.set("qty", 3), new UpdateOptions().upsert(true));
            orders.findOneAndUpdate(Filters.eq("_id", 3), Updates.unset("seen"), new FindOneAndUpdateOptions());
            items.insertMany(List.of(new Document("_id", "i1"), new Document("_id", "i2"), new Document("_id", "i3")));
            items.findOneAndDelete(Filters.eq("_id", "i1"));
            items.findOneAndReplace(Filters.eq("_id", "i2"), new Document("v", 2));
            items.deleteMany(Filters.eq("_id", "i3"));
            logs.bulkWrite(List.of(new InsertOneModel<>(new Document("_id", 1)), new InsertOneModel<>(new Document("_id", 2)),
                new InsertOneModel<>(new Document("_id", 3)),
                new UpdateOneModel<>(Filters.eq("_id", 1), Updates.push("lines", "x")),
                new ReplaceOneModel<>(Filters.eq("_id", 2), new Document("r", 1)),
                new DeleteOneModel<>(Filters.eq("_id", 3))), new BulkWriteOptions().ordered(false));
            deliverUntilQuiet(task, sink);
        } finally {
            sink.stop();
        }

        MongoClient destination = CLUSTERS.client(1);
        for (String namespace : List.of("shop.orders", "shop.items", "audit.logs")) {
            String[] parts = namespace.split("\\.");
            assertThat(contents(destination, parts[0], parts[1])).as(namespace)
                .isEqualTo(contents(source, parts[0], parts[1]))
                .isNotEmpty();
        }
    }

    private static List<Document> contents(MongoClient client, String database, String collection) {
        return client.getDatabase(database).getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static void deliverUntilQuiet(MongoKafkaSourceTaskTest.RunningTask task, MongoSinkTask sink) {
        int quiet = 0;
        long offset = 0;
        while (quiet < QUIET_POLLS) {
            List<SourceRecord> polled = task.task().poll();
            List<SinkRecord> delivered = new ArrayList<>();
            if (polled != null) {
                for (SourceRecord record : polled) {
                    if (!MongoKafkaSourceTaskTest.isHeartbeat(record)) {
                        delivered.add(new SinkRecord(record.topic(), 0, record.keySchema(), record.key(),
                            record.valueSchema(), record.value(), offset++));
                    }
                }
            }
            if (delivered.isEmpty()) {
                quiet++;
            } else {
                quiet = 0;
                sink.put(delivered);
            }
        }
    }

    private static MongoSinkTask startSink() {
        Map<String, String> config = Map.of(
            "connection.uri", CLUSTERS.destination().connectionString(),
            "topics.regex", ".*",
            "database", "unused",
            "change.data.capture.handler", "com.mongodb.kafka.connect.sink.cdc.mongodb.ChangeStreamHandler",
            "namespace.mapper", "com.mongodb.kafka.connect.sink.namespace.mapping.FieldPathNamespaceMapper",
            "namespace.mapper.value.database.field", "ns.db",
            "namespace.mapper.value.collection.field", "ns.coll");
        MongoSinkTask sink = new MongoSinkTask();
        sink.initialize(new InProcessSinkContext(config));
        sink.start(config);
        return sink;
    }

    /** What a Connect worker would give the sink task, minus the consumer it does not need here. */
    private record InProcessSinkContext(Map<String, String> configs) implements SinkTaskContext {
        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            throw new UnsupportedOperationException("the sink task does not rewind in this test");
        }

        @Override
        public void offset(TopicPartition partition, long offset) {
            throw new UnsupportedOperationException("the sink task does not rewind in this test");
        }

        @Override
        public void timeout(long timeoutMs) {
            throw new UnsupportedOperationException("the sink task must not ask for a retry in this test");
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of();
        }

        @Override
        public void pause(TopicPartition... partitions) {
            throw new UnsupportedOperationException("the sink task does not pause in this test");
        }

        @Override
        public void resume(TopicPartition... partitions) {
            throw new UnsupportedOperationException("the sink task does not pause in this test");
        }

        @Override
        public void requestCommit() {
            throw new UnsupportedOperationException("the sink task does not commit in this test");
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException("mongo-kafka 2.0.1 does not use plugin metrics");
        }

    }
}
