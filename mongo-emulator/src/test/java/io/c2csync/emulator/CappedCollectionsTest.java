package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/** Capped collections: options stored and reported, oldest documents removed beyond max or size as delete events. */
class CappedCollectionsTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @Test
    void cappedOptionsAreReportedWithTheSizeRoundedAsMongoDbDoes() {
        MongoDatabase database = CLUSTERS.client().getDatabase("cappedOptions");
        database.createCollection("log", new CreateCollectionOptions().capped(true).sizeInBytes(1000).maxDocuments(3));
        database.createCollection("big", new CreateCollectionOptions().capped(true).sizeInBytes(5000));

        assertThat(options(database, "log")).isEqualTo(new Document("capped", true).append("size", 4096L).append("max", 3L));
        assertThat(options(database, "big")).isEqualTo(new Document("capped", true).append("size", 5120L));
        Document stats = database.runCommand(new Document("collStats", "log"));
        assertThat(stats.getBoolean("capped")).isTrue();
        assertThat(((Number) stats.get("max")).longValue()).isEqualTo(3);
        assertThat(((Number) stats.get("maxSize")).longValue()).isEqualTo(4096);
        assertThat(database.runCommand(new Document("collStats", "missingOrPlain")).get("capped")).isNotEqualTo(true);
    }

    @Test
    void theOldestDocumentsGoBeyondMax() {
        MongoDatabase database = CLUSTERS.client().getDatabase("cappedMax");
        database.createCollection("log", new CreateCollectionOptions().capped(true).sizeInBytes(100_000).maxDocuments(3));
        MongoCollection<Document> log = database.getCollection("log");

        for (int i = 1; i <= 5; i++) {
            log.insertOne(new Document("_id", i));
        }

        assertThat(ids(log)).containsExactly(3, 4, 5);
    }

    /**
     * MongoDB 5.0+ writes each removal of an old document as a delete oplog entry after the insert that caused it
     * (capped_collection_maintenance.cpp, SERVER-16049), so change streams report them as delete events.
     */
    @Test
    void eachRemovalIsADeleteEventAfterTheInsert() {
        MongoDatabase database = CLUSTERS.client().getDatabase("cappedEvents");
        database.createCollection("log", new CreateCollectionOptions().capped(true).sizeInBytes(100_000).maxDocuments(2));
        MongoCollection<Document> log = database.getCollection("log");
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(log.watch())) {
            log.insertMany(List.of(new Document("_id", 1), new Document("_id", 2)));
            log.insertMany(List.of(new Document("_id", 3), new Document("_id", 4)));

            assertThat(stream.next(6)).extracting(event -> event.getString("operationType") + " " + event.get("documentKey"))
                .containsExactly("insert Document{{_id=1}}", "insert Document{{_id=2}}", "insert Document{{_id=3}}",
                    "delete Document{{_id=1}}", "insert Document{{_id=4}}", "delete Document{{_id=2}}");
            stream.assertNoMore();
        }
        assertThat(ids(log)).containsExactly(3, 4);
    }

    @Test
    void theOldestDocumentsGoBeyondSizeInInsertionOrderNotIdOrder() {
        MongoDatabase database = CLUSTERS.client().getDatabase("cappedSize");
        database.createCollection("log", new CreateCollectionOptions().capped(true).sizeInBytes(4096));
        MongoCollection<Document> log = database.getCollection("log");
        String payload = "x".repeat(900);

        List<Integer> order = List.of(9, 1, 8, 2, 7, 3, 6);
        order.forEach(id -> log.insertOne(new Document("_id", id).append("payload", payload)));

        assertThat(ids(log)).containsExactlyInAnyOrder(7, 3, 6, 2);
        assertThat(((Number) database.runCommand(new Document("collStats", "log")).get("size")).longValue()).isLessThanOrEqualTo(4096);
    }

    @Test
    void collModChangesTheLimitsAndTheNextInsertApplies() {
        MongoDatabase database = CLUSTERS.client().getDatabase("cappedCollMod");
        database.createCollection("log", new CreateCollectionOptions().capped(true).sizeInBytes(100_000).maxDocuments(5));
        MongoCollection<Document> log = database.getCollection("log");
        log.insertMany(IntStream.rangeClosed(1, 4).mapToObj(i -> new Document("_id", i)).toList());

        database.runCommand(new Document("collMod", "log").append("cappedMax", 2).append("cappedSize", 8192));
        assertThat(ids(log)).containsExactly(1, 2, 3, 4);
        log.insertOne(new Document("_id", 5));

        assertThat(ids(log)).containsExactly(4, 5);
        assertThat(options(database, "log")).isEqualTo(new Document("capped", true).append("size", 8192).append("max", 2));
    }

    /** MongoDB allows deletes on capped collections since 5.0.7 (SERVER-63201); they are change events like any. */
    @Test
    void deletesAndUpdatesAreAllowedAndEvictionKeepsInsertionOrderAfterADelete() {
        MongoDatabase database = CLUSTERS.client().getDatabase("cappedDelete");
        database.createCollection("log", new CreateCollectionOptions().capped(true).sizeInBytes(4096).maxDocuments(3));
        MongoCollection<Document> log = database.getCollection("log");
        log.insertMany(IntStream.rangeClosed(1, 3).mapToObj(i -> new Document("_id", i)).toList());

        assertThat(log.deleteOne(Filters.eq("_id", 1)).getDeletedCount()).isEqualTo(1);
        assertThat(log.findOneAndDelete(Filters.eq("_id", 2))).containsEntry("_id", 2);
        log.updateOne(Filters.eq("_id", 3), Updates.set("note", "grown"));
        assertThat(ids(log)).containsExactly(3);
        assertThat(log.find(Filters.eq("_id", 3)).first()).containsEntry("note", "grown");

        log.insertMany(IntStream.rangeClosed(4, 6).mapToObj(i -> new Document("_id", i)).toList());
        assertThat(ids(log)).containsExactlyInAnyOrder(4, 5, 6);
    }

    @Test
    void aCappedCollectionNeedsASize() {
        MongoDatabase database = CLUSTERS.client().getDatabase("cappedInvalid");

        assertThatThrownBy(() -> database.runCommand(new Document("create", "log").append("capped", true)))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(72));
        database.createCollection("plain");
        assertThatThrownBy(() -> database.runCommand(new Document("collMod", "plain").append("cappedMax", 5)))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(72));
    }

    private static Document options(MongoDatabase database, String name) {
        return database.listCollections().filter(Filters.eq("name", name)).first().get("options", Document.class);
    }

    private static List<Integer> ids(MongoCollection<Document> collection) {
        return collection.find().sort(Sorts.ascending("_id")).map(document -> document.getInteger("_id")).into(new ArrayList<>());
    }
}
