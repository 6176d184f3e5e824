package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/** Every successful write produces exactly one change event, in commit order; a failed write produces none. */
class CaptureTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    private MongoCollection<Document> collection;
    private ChangeStreamProbe events;

    @BeforeEach
    void watchCluster(TestInfo test) {
        collection = CLUSTERS.client().getDatabase("capture").getCollection(test.getTestMethod().orElseThrow().getName());
        events = ChangeStreamProbe.open(CLUSTERS.client().watch());
    }

    @AfterEach
    void closeStream() {
        events.close();
    }

    @Test
    void insertOne() {
        collection.insertOne(new Document("_id", 1).append("a", "x"));

        Document event = events.next();
        assertThat(event.getString("operationType")).isEqualTo("insert");
        assertThat(event.get("fullDocument")).isEqualTo(new Document("_id", 1).append("a", "x"));
        assertThat(event.get("documentKey")).isEqualTo(new Document("_id", 1));
        events.assertNoMore();
    }

    @Test
    void orderedInsertManyStopsAtTheDuplicateAndCapturesOnlyWhatWasWritten() {
        collection.insertOne(new Document("_id", 2));
        List<Document> batch = List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3));

        assertThatThrownBy(() -> collection.insertMany(batch))
            .isInstanceOfSatisfying(MongoBulkWriteException.class,
                e -> assertThat(e.getWriteErrors().get(0).getCode()).isEqualTo(11000));

        assertThat(ids(events.next(2))).containsExactly(2, 1);
        events.assertNoMore();
    }

    @Test
    void unorderedInsertManyCapturesEveryDocumentButTheDuplicate() {
        collection.insertOne(new Document("_id", 2));
        List<Document> batch = List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3));

        assertThatThrownBy(() -> collection.insertMany(batch, new InsertManyOptions().ordered(false)))
            .isInstanceOf(MongoBulkWriteException.class);

        assertThat(ids(events.next(3))).containsExactly(2, 1, 3);
        events.assertNoMore();
    }

    @Test
    void updateOperatorsProduceUpdateEvents() {
        collection.insertOne(new Document("_id", 1).append("n", 1).append("gone", true).append("tags", List.of("a", "b")));
        collection.updateOne(Filters.eq("_id", 1), Updates.combine(
            Updates.inc("n", 2), Updates.unset("gone"), Updates.push("tags", "c"), Updates.set("sub.x", 1)));
        collection.updateOne(Filters.eq("_id", 1), Updates.combine(Updates.rename("n", "m"), Updates.pull("tags", "a")));

        List<Document> captured = events.next(3);
        assertThat(operationTypes(captured)).containsExactly("insert", "update", "update");
        assertThat(captured.get(1).get("documentKey")).isEqualTo(new Document("_id", 1));
        events.assertNoMore();
    }

    @Test
    void noOpAndFailedUpdatesProduceNoEvent() {
        collection.insertOne(new Document("_id", 1).append("s", "text"));
        collection.updateOne(Filters.eq("_id", 1), Updates.set("s", "text"));
        assertThatThrownBy(() -> collection.updateOne(Filters.eq("_id", 1), Updates.inc("s", 1)))
            .isInstanceOf(MongoWriteException.class);
        collection.updateOne(Filters.eq("_id", 99), Updates.set("s", "nobody"));

        assertThat(operationTypes(events.next(1))).containsExactly("insert");
        events.assertNoMore();
    }

    @Test
    void replaceOneProducesAReplaceEvent() {
        collection.insertOne(new Document("_id", 1).append("old", true));
        collection.replaceOne(Filters.eq("_id", 1), new Document("new", true));

        Document replace = events.next(2).get(1);
        assertThat(replace.getString("operationType")).isEqualTo("replace");
        assertThat(replace.get("fullDocument")).isEqualTo(new Document("_id", 1).append("new", true));
        events.assertNoMore();
    }

    /** The library kept the old document's field order for the fields both had: a replayed replace then differed. */
    @Test
    void aReplacementIsStoredInItsOwnFieldOrder() {
        collection.insertOne(new Document("_id", 1).append("a", 1).append("b", 1));
        collection.replaceOne(Filters.eq("_id", 1), new Document("b", 2).append("c", 2).append("a", 2));
        assertThat(collection.find().first().keySet()).containsExactly("_id", "b", "c", "a");
        collection.findOneAndReplace(Filters.eq("_id", 1), new Document("a", 3).append("b", 3));
        assertThat(collection.find().first().keySet()).containsExactly("_id", "a", "b");

        List<Document> replaces = events.next(3).subList(1, 3);
        assertThat(replaces.get(0).get("fullDocument", Document.class).keySet()).containsExactly("_id", "b", "c", "a");
        assertThat(replaces.get(1).get("fullDocument", Document.class).keySet()).containsExactly("_id", "a", "b");
        events.assertNoMore();
    }

    @Test
    void deletesProduceOneEventPerDocument() {
        collection.insertMany(List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3)));
        collection.deleteOne(Filters.eq("_id", 1));
        collection.deleteMany(Filters.in("_id", 2, 3));

        List<Document> deletes = events.next(6).subList(3, 6);
        assertThat(operationTypes(deletes)).containsOnly("delete");
        assertThat(deletes).extracting(event -> event.get("documentKey"))
            .containsExactly(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3));
        events.assertNoMore();
    }

    @Test
    void findAndModifyInAllThreeForms() {
        collection.insertOne(new Document("_id", 1).append("n", 0));
        collection.findOneAndUpdate(Filters.eq("_id", 1), Updates.inc("n", 1),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        collection.findOneAndReplace(Filters.eq("_id", 1), new Document("n", 10), new FindOneAndReplaceOptions());
        collection.findOneAndDelete(Filters.eq("_id", 1));
        collection.findOneAndUpdate(Filters.eq("_id", 2), Updates.set("n", 2), new FindOneAndUpdateOptions().upsert(true));

        assertThat(operationTypes(events.next(5))).containsExactly("insert", "update", "replace", "delete", "insert");
        events.assertNoMore();
    }

    @Test
    void upsertsProduceInserts() {
        collection.updateOne(Filters.eq("_id", 1), Updates.set("a", 1), new UpdateOptions().upsert(true));
        collection.replaceOne(Filters.eq("_id", 2), new Document("b", 2), new com.mongodb.client.model.ReplaceOptions().upsert(true));

        List<Document> upserts = events.next(2);
        assertThat(operationTypes(upserts)).containsExactly("insert", "insert");
        assertThat(upserts.get(0).get("fullDocument")).isEqualTo(new Document("_id", 1).append("a", 1));
        events.assertNoMore();
    }

    @Test
    void multiUpdateProducesOneEventPerModifiedDocument() {
        collection.insertMany(List.of(new Document("_id", 1).append("g", 1), new Document("_id", 2).append("g", 1),
            new Document("_id", 3).append("g", 2)));
        collection.updateMany(Filters.eq("g", 1), Updates.set("seen", true));

        List<Document> updates = events.next(5).subList(3, 5);
        assertThat(operationTypes(updates)).containsOnly("update");
        assertThat(updates).extracting(event -> event.get("documentKey"))
            .containsExactly(new Document("_id", 1), new Document("_id", 2));
        events.assertNoMore();
    }

    @Test
    void orderedBulkWriteCapturesTheWritesBeforeTheFailure() {
        collection.insertOne(new Document("_id", 3));
        assertThatThrownBy(() -> collection.bulkWrite(List.of(
            new InsertOneModel<>(new Document("_id", 1)),
            new UpdateOneModel<>(Filters.eq("_id", 1), Updates.set("u", 1)),
            new InsertOneModel<>(new Document("_id", 3)),
            new DeleteOneModel<>(Filters.eq("_id", 1)))))
            .isInstanceOf(MongoBulkWriteException.class);

        assertThat(operationTypes(events.next(3))).containsExactly("insert", "insert", "update");
        events.assertNoMore();
    }

    @Test
    void unorderedBulkWriteCapturesEverySuccessfulWrite() {
        collection.insertOne(new Document("_id", 3));
        assertThatThrownBy(() -> collection.bulkWrite(List.of(
            new InsertOneModel<>(new Document("_id", 1)),
            new InsertOneModel<>(new Document("_id", 3)),
            new ReplaceOneModel<>(Filters.eq("_id", 1), new Document("r", 1)),
            new DeleteOneModel<>(Filters.eq("_id", 3))), new BulkWriteOptions().ordered(false)))
            .isInstanceOf(MongoBulkWriteException.class);

        assertThat(operationTypes(events.next(4))).containsExactly("insert", "insert", "replace", "delete");
        events.assertNoMore();
    }

    @Test
    void orderedUpdatesStopAtTheFirstErrorAndUnorderedOnesGoOn() {
        collection.insertOne(new Document("_id", 1).append("s", "text").append("n", 0));
        List<UpdateOneModel<Document>> updates = List.of(
            new UpdateOneModel<>(Filters.eq("_id", 1), Updates.inc("n", 1)),
            new UpdateOneModel<>(Filters.eq("_id", 1), Updates.inc("s", 1)),
            new UpdateOneModel<>(Filters.eq("_id", 1), Updates.inc("n", 10)));

        assertThatThrownBy(() -> collection.bulkWrite(updates))
            .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
                assertThat(e.getWriteErrors()).singleElement().satisfies(error -> assertThat(error.getIndex()).isEqualTo(1));
                assertThat(e.getWriteResult().getModifiedCount()).isEqualTo(1);
            });
        assertThat(collection.find().first().getInteger("n")).isEqualTo(1);
        assertThatThrownBy(() -> collection.bulkWrite(updates, new BulkWriteOptions().ordered(false)))
            .isInstanceOf(MongoBulkWriteException.class);
        assertThat(collection.find().first().getInteger("n")).isEqualTo(12);

        assertThat(operationTypes(events.next(4))).containsExactly("insert", "update", "update", "update");
        events.assertNoMore();
    }

    @Test
    void aBadDeleteStatementIsAWriteErrorAndStopsAnOrderedDelete() {
        collection.insertMany(List.of(new Document("_id", 1), new Document("_id", 2)));
        List<DeleteOneModel<Document>> deletes = List.of(new DeleteOneModel<>(Filters.eq("_id", 1)),
            new DeleteOneModel<>(new Document("_id", new Document("$noSuchOperator", 1))),
            new DeleteOneModel<>(Filters.eq("_id", 2)));

        assertThatThrownBy(() -> collection.bulkWrite(deletes))
            .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
                assertThat(e.getWriteErrors()).singleElement().satisfies(error -> assertThat(error.getIndex()).isEqualTo(1));
                assertThat(e.getWriteResult().getDeletedCount()).isEqualTo(1);
            });

        assertThat(collection.countDocuments()).isEqualTo(1);
        assertThat(operationTypes(events.next(3))).containsExactly("insert", "insert", "delete");
        events.assertNoMore();
    }

    @Test
    void aRefusedPipelineUpdateCapturesNothing() {
        collection.insertOne(new Document("_id", 1));
        assertThatThrownBy(() -> collection.updateOne(Filters.eq("_id", 1), List.of(new Document("$match", new Document()))))
            .hasMessageContaining("not allowed to be used within an update");

        assertThat(operationTypes(events.next(1))).containsExactly("insert");
        events.assertNoMore();
    }

    private static List<Object> ids(List<Document> captured) {
        return captured.stream().map(event -> event.get("documentKey", Document.class).get("_id")).toList();
    }

    private static List<String> operationTypes(List<Document> captured) {
        return captured.stream().map(event -> event.getString("operationType")).toList();
    }
}
