package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;

import org.bson.BsonBinarySubType;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.ChangeStreamPreAndPostImagesOptions;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.client.model.changestream.OperationType;

/** Scopes, the 6.0 event shapes, full documents, pre-images, update descriptions and the user pipeline. */
class ChangeStreamShapeTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @Test
    void eachScopeSeesItsOwnEvents() {
        MongoDatabase shop = CLUSTERS.client().getDatabase("scopeShop");
        MongoDatabase other = CLUSTERS.client().getDatabase("scopeOther");
        try (ChangeStreamProbe cluster = ChangeStreamProbe.open(CLUSTERS.client().watch());
             ChangeStreamProbe database = ChangeStreamProbe.open(shop.watch());
             ChangeStreamProbe collection = ChangeStreamProbe.open(shop.getCollection("orders").watch())) {
            shop.getCollection("orders").insertOne(new Document("_id", "o1"));
            shop.getCollection("items").insertOne(new Document("_id", "i1"));
            other.getCollection("orders").insertOne(new Document("_id", "x1"));
            CLUSTERS.client().getDatabase("admin").getCollection("notSeen").insertOne(new Document("_id", "a1"));

            assertThat(namespaces(cluster.next(3))).containsExactly("scopeShop.orders", "scopeShop.items", "scopeOther.orders");
            assertThat(namespaces(database.next(2))).containsExactly("scopeShop.orders", "scopeShop.items");
            assertThat(namespaces(collection.next(1))).containsExactly("scopeShop.orders");
            cluster.assertNoMore();
            database.assertNoMore();
            collection.assertNoMore();
        }
    }

    @Test
    void insertEventHasThe60Shape() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("insert");
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch())) {
            collection.insertOne(new Document("_id", 7).append("v", "x"));
            Document event = stream.next();

            assertThat(event.get("_id", Document.class).getString("_data")).startsWith("82");
            assertThat(event.getString("operationType")).isEqualTo("insert");
            assertThat(event.get("clusterTime")).isInstanceOf(BsonTimestamp.class);
            assertThat(event.get("wallTime")).isInstanceOf(Date.class);
            assertThat(event.get("ns")).isEqualTo(new Document("db", "shape").append("coll", "insert"));
            assertThat(event.get("documentKey")).isEqualTo(new Document("_id", 7));
            assertThat(event.get("fullDocument")).isEqualTo(new Document("_id", 7).append("v", "x"));
            assertThat(event).doesNotContainKey("collectionUUID");
        }
    }

    @Test
    void driverDecodesEventsAndExpandedEventsCarryTheCollectionUuid() {
        CLUSTERS.client().getDatabase("shape").createCollection("decoded");
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("decoded");
        try (var cursor = collection.watch().showExpandedEvents(true).cursor()) {
            collection.insertOne(new Document("_id", 1));
            ChangeStreamDocument<Document> event = cursor.next();

            assertThat(event.getOperationType()).isEqualTo(OperationType.INSERT);
            assertThat(event.getNamespace().getFullName()).isEqualTo("shape.decoded");
            assertThat(event.getDocumentKey().getInt32("_id").getValue()).isEqualTo(1);
            assertThat(event.getClusterTime()).isNotNull();
            assertThat(event.getWallTime()).isNotNull();
            assertThat(event.getExtraElements()).containsKey("collectionUUID");
            assertThat(event.getResumeToken()).isEqualTo(cursor.getResumeToken());
        }
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch().showExpandedEvents(true))) {
            collection.insertOne(new Document("_id", 2));
            assertThat(stream.next().get("collectionUUID")).isInstanceOfSatisfying(Binary.class,
                uuid -> assertThat(uuid.getType()).isEqualTo(BsonBinarySubType.UUID_STANDARD.getValue()));
        }
    }

    @Test
    void updateDescriptionComesFromTheRealImages() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("updates");
        collection.insertOne(new Document("_id", 1).append("a", 1).append("b", "gone")
            .append("arr", List.of(1, 2, 3)).append("sub", new Document("x", 1).append("y", 1))
            .append("obj", new Document("5", "numeric key")));
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch().showExpandedEvents(true))) {
            collection.updateOne(Filters.eq("_id", 1), Updates.combine(Updates.inc("a", 1), Updates.unset("b"),
                Updates.set("arr", List.of(1, 9)), Updates.set("sub.y", 2), Updates.set("obj.5", "changed")));

            Document description = stream.next().get("updateDescription", Document.class);
            assertThat(description.get("updatedFields")).isEqualTo(new Document("a", 2).append("arr.1", 9)
                .append("sub.y", 2).append("obj.5", "changed"));
            assertThat(description.getList("removedFields", String.class)).containsExactly("b");
            assertThat(description.getList("truncatedArrays", Document.class))
                .containsExactly(new Document("field", "arr").append("newSize", 2));
            assertThat(description.get("disambiguatedPaths")).isEqualTo(new Document("obj.5", List.of("obj", "5")));
        }
    }

    @Test
    void disambiguatedPathsOnlyWithExpandedEvents() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("plainUpdates");
        collection.insertOne(new Document("_id", 1));
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch())) {
            collection.updateOne(Filters.eq("_id", 1), Updates.set("a", 1));
            assertThat(stream.next().get("updateDescription", Document.class)).doesNotContainKey("disambiguatedPaths");
        }
    }

    @Test
    void updateLookupReturnsTheCurrentDocument() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("lookup");
        collection.insertOne(new Document("_id", 1).append("n", 0));
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch().fullDocument(FullDocument.UPDATE_LOOKUP))) {
            collection.updateOne(Filters.eq("_id", 1), Updates.set("n", 1));
            collection.updateOne(Filters.eq("_id", 1), Updates.set("n", 2));

            List<Document> updates = stream.next(2);
            assertThat(updates.get(1).get("fullDocument")).isEqualTo(new Document("_id", 1).append("n", 2));
        }
    }

    @Test
    void postAndPreImagesNeedThemEnabledOnTheCollection() {
        MongoDatabase database = CLUSTERS.client().getDatabase("images");
        database.createCollection("enabled", new CreateCollectionOptions()
            .changeStreamPreAndPostImagesOptions(new ChangeStreamPreAndPostImagesOptions(true)));
        MongoCollection<Document> enabled = database.getCollection("enabled");
        MongoCollection<Document> plain = database.getCollection("plain");
        enabled.insertOne(new Document("_id", 1).append("n", 0));
        plain.insertOne(new Document("_id", 1).append("n", 0));

        try (ChangeStreamProbe stream = ChangeStreamProbe.open(database.watch()
            .fullDocument(FullDocument.WHEN_AVAILABLE).fullDocumentBeforeChange(FullDocumentBeforeChange.WHEN_AVAILABLE))) {
            enabled.updateOne(Filters.eq("_id", 1), Updates.set("n", 1));
            plain.updateOne(Filters.eq("_id", 1), Updates.set("n", 1));
            enabled.deleteOne(Filters.eq("_id", 1));

            List<Document> captured = stream.next(3);
            assertThat(captured.get(0).get("fullDocumentBeforeChange")).isEqualTo(new Document("_id", 1).append("n", 0));
            assertThat(captured.get(0).get("fullDocument")).isEqualTo(new Document("_id", 1).append("n", 1));
            assertThat(captured.get(1)).containsEntry("fullDocument", null).containsEntry("fullDocumentBeforeChange", null);
            assertThat(captured.get(2).get("fullDocumentBeforeChange")).isEqualTo(new Document("_id", 1).append("n", 1));
        }

        try (ChangeStreamProbe stream = ChangeStreamProbe.open(plain.watch().fullDocument(FullDocument.REQUIRED))) {
            plain.updateOne(Filters.eq("_id", 1), Updates.set("n", 2));
            assertThatThrownBy(stream::next)
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(47));
        }
    }

    @Test
    void userPipelineIsAppliedToEvents() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("pipeline");
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch(List.of(
            Aggregates.match(Filters.eq("operationType", "delete")),
            Aggregates.addFields(new com.mongodb.client.model.Field<>("marked", true)))))) {
            collection.insertOne(new Document("_id", 1));
            collection.deleteOne(Filters.eq("_id", 1));

            Document delete = stream.next();
            assertThat(delete.getString("operationType")).isEqualTo("delete");
            assertThat(delete.getBoolean("marked")).isTrue();
            stream.assertNoMore();
        }
    }

    @Test
    void projectionOfTopLevelFieldsKeepsTheTokenAndTheNamedFieldsOnly() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("keysOnly");
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch(List.of(
            Aggregates.match(Filters.in("operationType", "insert", "update")),
            Aggregates.project(new Document("operationType", 1).append("documentKey", true).append("absent", 1)
                .append("ns", 1)))))) {
            collection.insertOne(new Document("_id", 1).append("n", 1));
            collection.updateOne(Filters.eq("_id", 1), Updates.set("n", 2));
            collection.deleteOne(Filters.eq("_id", 1));

            List<Document> events = stream.next(2);
            assertThat(events).extracting(event -> List.copyOf(event.keySet()))
                .containsOnly(List.of("_id", "operationType", "documentKey", "ns"));
            assertThat(events).extracting(event -> event.getString("operationType")).containsExactly("insert", "update");
            assertThat(events.get(0).get("documentKey", Document.class)).isEqualTo(new Document("_id", 1));
            assertThat(events.get(0).get("_id", Document.class)).containsKey("_data");
            stream.assertNoMore();
        }
    }

    @Test
    void aPipelineChangingNestedFieldsLeavesOtherStreamsTheirEvents() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("nested");
        Document original = new Document("n", 1).append("m", 2);
        BsonTimestamp inserted;
        try (ChangeStreamProbe changing = ChangeStreamProbe.open(collection.watch(List.of(
                Aggregates.unset("fullDocument.inner.n"))));
             ChangeStreamProbe plain = ChangeStreamProbe.open(collection.watch())) {
            collection.insertOne(new Document("_id", 1).append("inner", original));

            assertThat(changing.next().get("fullDocument", Document.class).get("inner", Document.class))
                .isEqualTo(new Document("m", 2));
            Document event = plain.next();
            inserted = event.get("clusterTime", BsonTimestamp.class);
            assertThat(event.get("fullDocument", Document.class).get("inner", Document.class)).isEqualTo(original);
        }
        try (ChangeStreamProbe later = ChangeStreamProbe.open(collection.watch().startAtOperationTime(inserted))) {
            assertThat(later.next().get("fullDocument", Document.class).get("inner", Document.class)).isEqualTo(original);
        }
    }

    @Test
    void pipelineThatDropsTheResumeTokenFailsTheStream() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("noId");
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch(List.of(
            Aggregates.project(Projections.exclude("_id")))))) {
            collection.insertOne(new Document("_id", 1));
            assertThatThrownBy(stream::next)
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(280));
        }
    }

    @Test
    void stagesThatChangeStreamsForbidAreRefused() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("shape").getCollection("forbidden");
        assertThatThrownBy(() -> collection.watch(List.of(Aggregates.sort(new Document("x", 1)))).cursor())
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(40602));
    }

    @Test
    void changeStreamsOnInternalDatabasesAreRefused() {
        assertThatThrownBy(() -> CLUSTERS.client().getDatabase("admin").watch().cursor())
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(73));
    }

    private static List<String> namespaces(List<Document> events) {
        return events.stream().map(event -> {
            Document ns = event.get("ns", Document.class);
            return ns.getString("db") + "." + ns.getString("coll");
        }).toList();
    }
}
