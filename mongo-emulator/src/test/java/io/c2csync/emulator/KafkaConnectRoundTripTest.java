package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonSymbol;
import org.bson.Document;
import org.bson.types.Decimal128;
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
 * The proof through real Kafka and Connect (the embedded runtime's child JVMs): stock mongo-kafka 2.0.1 as
 * released (its "all" jar with driver 4.7, from this module's plugin folder target/plugins-stock) copies the existing
 * documents and then streams the changes at collection, database and cluster scope; its sink applies them with the
 * ChangeStreamHandler, and each scope's destination ends equal to the source for what the scope covers, and only that.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class KafkaConnectRoundTripTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final List<String> EVERY_NAMESPACE = List.of("scopeColl.watched", "scopeColl.other", "scopeDb.one",
        "scopeDb.two", "scopeDbOther.three");

    /** The source, then one destination per scope. */
    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.named("source", "collectionScope", "databaseScope", "clusterScope");

    @Test
    void eachScopeCopiesThenStreamsItsNamespacesAndOnlyThose(ConnectClient connect) {
        MongoClient source = CLUSTERS.client(0);
        EVERY_NAMESPACE.forEach(namespace -> collection(source, namespace).insertMany(existingDocuments()));

        deploy(connect, "collection", 1, Map.of("database", "scopeColl", "collection", "watched"));
        deploy(connect, "database", 2, Map.of("database", "scopeDb"));
        deploy(connect, "cluster", 3, Map.of());
        EVERY_NAMESPACE.forEach(namespace -> writeEveryShape(collection(source, namespace)));

        assertEqualToSource(CLUSTERS.client(3), EVERY_NAMESPACE);
        assertEqualToSource(CLUSTERS.client(2), List.of("scopeDb.one", "scopeDb.two"));
        assertEqualToSource(CLUSTERS.client(1), List.of("scopeColl.watched"));
        assertThat(userNamespaces(CLUSTERS.client(2))).containsExactly("scopeDb.one", "scopeDb.two");
        assertThat(userNamespaces(CLUSTERS.client(1))).containsExactly("scopeColl.watched");
    }

    /** A source connector with copy_existing at the given scope and a sink writing into destination cluster #index. */
    private static void deploy(ConnectClient connect, String scope, int destination, Map<String, String> scopeSettings) {
        Map<String, String> sourceConfig = new HashMap<>(Map.of(
            "connector.class", "com.mongodb.kafka.connect.MongoSourceConnector",
            "connection.uri", CLUSTERS.source().connectionString(),
            "topic.prefix", scope,
            "startup.mode", "copy_existing",
            "change.stream.full.document", "updateLookup",
            "output.format.key", "bson",
            "output.format.value", "bson",
            "topic.creation.default.replication.factor", "1",
            "topic.creation.default.partitions", "1"));
        sourceConfig.putAll(scopeSettings);
        connect.create(scope + "-source", sourceConfig);
        connect.create(scope + "-sink", Map.of(
            "connector.class", "com.mongodb.kafka.connect.MongoSinkConnector",
            "connection.uri", CLUSTERS.get(destination).connectionString(),
            "topics.regex", scope + "\\..*",
            "database", "unused",
            "change.data.capture.handler", "com.mongodb.kafka.connect.sink.cdc.mongodb.ChangeStreamHandler",
            "namespace.mapper", "com.mongodb.kafka.connect.sink.namespace.mapping.FieldPathNamespaceMapper",
            "namespace.mapper.value.database.field", "ns.db",
            "namespace.mapper.value.collection.field", "ns.coll",
            "consumer.override.metadata.max.age.ms", "500",
            "consumer.override.auto.offset.reset", "earliest"));
        for (String connector : List.of(scope + "-source", scope + "-sink")) {
            Await.await(connector + " running", DEADLINE).until(() -> connect.status(connector).isFully(ConnectState.RUNNING));
        }
    }

    private static List<Document> existingDocuments() {
        return List.of(new Document("_id", "existing-1").append("qty", 1),
            new Document("_id", "existing-2").append("kinds", new Document("md5", new BsonBinary(BsonBinarySubType.MD5, new byte[16]))
                .append("symbol", new BsonSymbol("s")).append("decimal", Decimal128.parse("1.10"))));
    }

    /** Every CRUD shape; no document is updated and then deleted (the stock sink rejects a null updateLookup). */
    private static void writeEveryShape(MongoCollection<Document> collection) {
        collection.insertMany(List.of(new Document("_id", 1).append("qty", 1).append("tags", List.of("a", "b", "c")),
            new Document("_id", 2).append("qty", 2), new Document("_id", 3)));
        collection.updateOne(Filters.eq("_id", 1), Updates.combine(Updates.inc("qty", 5), Updates.popLast("tags")));
        collection.replaceOne(Filters.eq("_id", 2), new Document("replaced", true));
        collection.deleteOne(Filters.eq("_id", 3));
        collection.deleteOne(Filters.eq("_id", "existing-1"));
        collection.updateMany(Filters.exists("_id"), Updates.set("seen", true));
        collection.updateOne(Filters.eq("_id", 4), Updates.set("qty", 4), new UpdateOptions().upsert(true));
        collection.findOneAndUpdate(Filters.eq("_id", 4), Updates.unset("seen"), new FindOneAndUpdateOptions());
        collection.bulkWrite(List.of(new InsertOneModel<>(new Document("_id", 5)), new InsertOneModel<>(new Document("_id", 6)),
            new InsertOneModel<>(new Document("_id", 7)),
            new UpdateOneModel<>(Filters.eq("_id", 5), Updates.push("lines", "x")),
            new ReplaceOneModel<>(Filters.eq("_id", 6), new Document("r", 1)),
            new DeleteOneModel<>(Filters.eq("_id", 7))), new BulkWriteOptions().ordered(false));
        collection.findOneAndReplace(Filters.eq("_id", 6), new Document("r", 2));
        collection.insertOne(new Document("_id", 8));
        collection.findOneAndDelete(Filters.eq("_id", 8));
    }

    private static void assertEqualToSource(MongoClient destination, List<String> namespaces) {
        MongoClient source = CLUSTERS.client(0);
        for (String namespace : namespaces) {
            Await.await(namespace + " equal on the destination", DEADLINE)
                .until(() -> contents(destination, namespace).equals(contents(source, namespace)));
            assertThat(contents(destination, namespace)).isEqualTo(contents(source, namespace)).hasSize(6);
        }
    }

    private static Set<String> userNamespaces(MongoClient client) {
        Set<String> namespaces = new TreeSet<>();
        for (String database : client.listDatabaseNames()) {
            if (!Set.of("admin", "config", "local").contains(database)) {
                client.getDatabase(database).listCollectionNames().forEach(name -> namespaces.add(database + "." + name));
            }
        }
        return namespaces;
    }

    private static MongoCollection<Document> collection(MongoClient client, String namespace) {
        String[] parts = namespace.split("\\.");
        return client.getDatabase(parts[0]).getCollection(parts[1]);
    }

    private static List<BsonDocument> contents(MongoClient client, String namespace) {
        return collection(client, namespace).withDocumentClass(BsonDocument.class).find().sort(new Document("_id", 1))
            .into(new ArrayList<>());
    }
}
