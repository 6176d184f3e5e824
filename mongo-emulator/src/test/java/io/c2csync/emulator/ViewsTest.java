package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/** Views: definition, listing, reads through the view's pipeline, refused writes, DDL and their change events. */
class ViewsTest {

    private static final List<Document> ADULTS = List.of(new Document("$match", new Document("age", new Document("$gte", 18))));

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    private static MongoDatabase databaseWithPeople(String name) {
        MongoDatabase database = CLUSTERS.client().getDatabase(name);
        database.getCollection("people").insertMany(List.of(
            new Document("_id", 1).append("name", "ann").append("age", 30),
            new Document("_id", 2).append("name", "bob").append("age", 12),
            new Document("_id", 3).append("name", "cy").append("age", 45)));
        return database;
    }

    @Test
    void aViewIsListedWithItsDefinitionAndIsReadOnly() {
        MongoDatabase database = databaseWithPeople("viewsListed");
        database.createView("adults", "people", ADULTS);

        Document entry = database.listCollections().filter(Filters.eq("name", "adults")).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("type")).isEqualTo("view");
        assertThat(entry.get("options", Document.class)).isEqualTo(new Document("viewOn", "people").append("pipeline", ADULTS));
        assertThat(entry.get("info", Document.class)).isEqualTo(new Document("readOnly", true));
        assertThat(database.listCollections().filter(Filters.eq("type", "view")).map(view -> view.getString("name"))
            .into(new ArrayList<>())).containsExactly("adults");
        assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactlyInAnyOrder("adults", "people");
        assertThat(CLUSTERS.client().listDatabaseNames().into(new ArrayList<>())).contains("viewsListed");
    }

    @Test
    void readsApplyTheViewPipelineThenTheQuery() {
        MongoDatabase database = databaseWithPeople("viewsRead");
        database.createView("adults", "people", ADULTS);
        database.createView("adultNames", "adults", List.of(new Document("$project", new Document("name", 1))));
        MongoCollection<Document> adults = database.getCollection("adults");

        assertThat(adults.find().sort(Sorts.descending("age")).map(person -> person.getInteger("_id")).into(new ArrayList<>()))
            .containsExactly(3, 1);
        assertThat(adults.find(Filters.lt("age", 40)).projection(Projections.include("name")).into(new ArrayList<>()))
            .containsExactly(new Document("_id", 1).append("name", "ann"));
        assertThat(adults.find().sort(Sorts.ascending("_id")).skip(1).limit(1).first()).containsEntry("_id", 3);
        assertThat(adults.countDocuments(Filters.gt("age", 40))).isEqualTo(1);
        assertThat(adults.estimatedDocumentCount()).isEqualTo(2);
        assertThat(adults.aggregate(List.of(Aggregates.sort(Sorts.ascending("_id")), Aggregates.limit(1))).first())
            .containsEntry("name", "ann");
        assertThat(database.getCollection("adultNames").find(Filters.eq("_id", 3)).first())
            .isEqualTo(new Document("_id", 3).append("name", "cy"));

        database.getCollection("people").insertOne(new Document("_id", 4).append("name", "di").append("age", 20));
        assertThat(adults.countDocuments()).isEqualTo(3);
    }

    /** MongoDB fails the whole write command (not one statement) on a view. */
    @Test
    void writesToAViewAreRefusedWithCommandNotSupportedOnView() {
        MongoDatabase database = databaseWithPeople("viewsWrite");
        database.createView("adults", "people", ADULTS);
        MongoCollection<Document> adults = database.getCollection("adults");

        assertThatThrownBy(() -> adults.insertOne(new Document("_id", 9)))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(166))
            .hasMessageContaining("viewsWrite.adults is a view, not a collection");
        assertThatThrownBy(() -> adults.deleteMany(new Document()))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(166));
        assertThatThrownBy(() -> adults.updateOne(Filters.eq("_id", 1), new Document("$set", new Document("age", 1))))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(166));
        assertThatThrownBy(() -> adults.createIndex(Indexes.ascending("age")))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(166));
        assertThatThrownBy(() -> adults.listIndexes().first())
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(166));
        assertThatThrownBy(() -> adults.renameCollection(new MongoNamespace("viewsWrite", "other")))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(166));
        assertThat(database.getCollection("people").countDocuments()).isEqualTo(3);
    }

    @Test
    void namesAreSharedBetweenViewsAndCollections() {
        MongoDatabase database = databaseWithPeople("viewsNames");
        database.createView("adults", "people", ADULTS);

        assertThatThrownBy(() -> database.createCollection("adults"))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(48));
        assertThatThrownBy(() -> database.createView("people", "adults", List.of()))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(48));
        assertThatThrownBy(() -> database.runCommand(new Document("collMod", "adults").append("viewOn", "adults")))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(93));
        assertThatThrownBy(() -> database.runCommand(new Document("create", "capped").append("viewOn", "people")
                .append("capped", true)))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(167));
    }

    @Test
    void collModRedefinesAndDropRemovesAView() {
        MongoDatabase database = databaseWithPeople("viewsDdl");
        database.createView("adults", "people", ADULTS);
        List<Document> minors = List.of(new Document("$match", new Document("age", new Document("$lt", 18))));

        database.runCommand(new Document("collMod", "adults").append("pipeline", minors));
        assertThat(database.getCollection("adults").find().map(person -> person.getInteger("_id")).into(new ArrayList<>()))
            .containsExactly(2);
        assertThat(database.listCollections().filter(Filters.eq("name", "adults")).first().get("options", Document.class))
            .isEqualTo(new Document("viewOn", "people").append("pipeline", minors));

        database.getCollection("adults").drop();
        assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactly("people");
        assertThat(database.getCollection("people").countDocuments()).isEqualTo(3);
    }

    @Test
    void viewDdlIsReportedOnTheViewNamespaceToDatabaseStreamsWithExpandedEvents() {
        MongoDatabase database = databaseWithPeople("viewsEvents");
        List<Document> renamed = List.of(new Document("$project", new Document("name", 1)));
        try (ChangeStreamProbe expanded = ChangeStreamProbe.open(database.watch().showExpandedEvents(true));
             ChangeStreamProbe plain = ChangeStreamProbe.open(database.watch());
             ChangeStreamProbe onBase = ChangeStreamProbe.open(database.getCollection("people").watch().showExpandedEvents(true))) {
            database.createView("adults", "people", ADULTS);
            database.runCommand(new Document("collMod", "adults").append("viewOn", "people").append("pipeline", renamed));
            database.getCollection("adults").drop();
            database.getCollection("people").insertOne(new Document("_id", 5));

            List<Document> events = expanded.next(4);
            assertThat(events).extracting(event -> event.getString("operationType"))
                .containsExactly("create", "modify", "drop", "insert");
            assertThat(events.subList(0, 3)).allSatisfy(event -> {
                assertThat(event.get("ns")).isEqualTo(new Document("db", "viewsEvents").append("coll", "adults"));
                assertThat(event).doesNotContainKey("collectionUUID");
            });
            assertThat(events.get(0).get("operationDescription"))
                .isEqualTo(new Document("viewOn", "people").append("pipeline", ADULTS));
            assertThat(events.get(1).get("operationDescription"))
                .isEqualTo(new Document("viewOn", "people").append("pipeline", renamed));
            assertThat(plain.next().getString("operationType")).isEqualTo("insert");
            assertThat(onBase.next().getString("operationType")).isEqualTo("insert");
        }
    }

    @Test
    void aChangeStreamCannotBeOpenedOnAView() {
        MongoDatabase database = databaseWithPeople("viewsWatch");
        database.createView("adults", "people", ADULTS);

        assertThatThrownBy(() -> database.getCollection("adults").watch().cursor())
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(166));
    }
}
