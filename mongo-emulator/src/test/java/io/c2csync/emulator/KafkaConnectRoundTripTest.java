package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

import io.c2csync.connect.ConnectClient;
import io.c2csync.connect.ConnectState;
import io.c2csync.runtime.Await;
import io.c2csync.runtime.EmbeddedRuntimeExtension;

/**
 * The proof through real Kafka and Connect (the embedded runtime's child JVMs): mongo-kafka 2.0.1's source
 * connector watches the whole source cluster, its sink connector applies the events with the ChangeStreamHandler,
 * and the destination ends equal to the source for every CRUD shape.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class KafkaConnectRoundTripTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @Test
    void destinationEqualsSourceThroughKafkaConnect(ConnectClient connect) {
        connect.create("roundtrip-source", Map.of(
            "connector.class", "com.mongodb.kafka.connect.MongoSourceConnector",
            "connection.uri", CLUSTERS.source().connectionString(),
            "topic.prefix", "roundtrip",
            "change.stream.full.document", "updateLookup",
            "output.format.key", "bson",
            "output.format.value", "bson",
            "topic.creation.default.replication.factor", "1",
            "topic.creation.default.partitions", "1"));
        connect.create("roundtrip-sink", Map.of(
            "connector.class", "com.mongodb.kafka.connect.MongoSinkConnector",
            "connection.uri", CLUSTERS.destination().connectionString(),
            "topics.regex", "roundtrip\\..*",
            "database", "unused",
            "change.data.capture.handler", "com.mongodb.kafka.connect.sink.cdc.mongodb.ChangeStreamHandler",
            "namespace.mapper", "com.mongodb.kafka.connect.sink.namespace.mapping.FieldPathNamespaceMapper",
            "namespace.mapper.value.database.field", "ns.db",
            "namespace.mapper.value.collection.field", "ns.coll",
            "consumer.override.metadata.max.age.ms", "500",
            "consumer.override.auto.offset.reset", "earliest"));
        for (String connector : List.of("roundtrip-source", "roundtrip-sink")) {
            Await.await(connector + " running", DEADLINE).until(() -> connect.status(connector).isFully(ConnectState.RUNNING));
        }
        waitUntilTheStreamIsLive();

        MongoClient source = CLUSTERS.client(0);
        MongoCollection<Document> orders = source.getDatabase("shop").getCollection("orders");
        MongoCollection<Document> logs = source.getDatabase("audit").getCollection("logs");
        orders.insertMany(List.of(new Document("_id", 1).append("qty", 1).append("tags", List.of("a", "b", "c")),
            new Document("_id", 2).append("qty", 2), new Document("_id", 3)));
        orders.updateOne(Filters.eq("_id", 1), Updates.combine(Updates.inc("qty", 5), Updates.popLast("tags")));
        orders.replaceOne(Filters.eq("_id", 2), new Document("replaced", true));
        orders.deleteOne(Filters.eq("_id", 3));
        orders.updateMany(Filters.exists("_id"), Updates.set("seen", true));
        orders.updateOne(Filters.eq("_id", 4), Updates.set("qty", 4), new UpdateOptions().upsert(true));
        orders.findOneAndUpdate(Filters.eq("_id", 4), Updates.unset("seen"), new FindOneAndUpdateOptions());
        logs.bulkWrite(List.of(new InsertOneModel<>(new Document("_id", 1)), new InsertOneModel<>(new Document("_id", 2)),
            new InsertOneModel<>(new Document("_id", 3)),
            new UpdateOneModel<>(Filters.eq("_id", 1), Updates.push("lines", "x")),
            new ReplaceOneModel<>(Filters.eq("_id", 2), new Document("r", 1)),
            new DeleteOneModel<>(Filters.eq("_id", 3))), new BulkWriteOptions().ordered(false));

        MongoClient destination = CLUSTERS.client(1);
        for (String namespace : List.of("shop.orders", "audit.logs")) {
            Await.await(namespace + " equal on the destination", DEADLINE)
                .until(() -> contents(destination, namespace).equals(contents(source, namespace)));
            assertThat(contents(destination, namespace)).isEqualTo(contents(source, namespace)).isNotEmpty();
        }
    }

    /** mongo-kafka starts its stream "now": write until a write reaches the destination, then the stream is open. */
    private static void waitUntilTheStreamIsLive() {
        MongoCollection<Document> probe = CLUSTERS.client(0).getDatabase("roundtrip").getCollection("probe");
        MongoCollection<Document> arrived = CLUSTERS.client(1).getDatabase("roundtrip").getCollection("probe");
        int[] written = {0};
        Await.await("the source connector's change stream to be open", DEADLINE).until(() -> {
            probe.insertOne(new Document("_id", written[0]++));
            return arrived.countDocuments() > 0;
        });
    }

    private static List<Document> contents(MongoClient client, String namespace) {
        String[] parts = namespace.split("\\.");
        return client.getDatabase(parts[0]).getCollection(parts[1]).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
