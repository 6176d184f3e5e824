package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ValidationOptions;

/** DDL change events, with and without showExpandedEvents, and the invalidation of streams. */
class DdlEventsTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @Test
    void expandedEventsDescribeEveryDdlOperation() {
        MongoDatabase database = CLUSTERS.client().getDatabase("ddlExpanded");
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(database.watch().showExpandedEvents(true))) {
            database.createCollection("items", new CreateCollectionOptions()
                .validationOptions(new ValidationOptions().validator(new Document("n", new Document("$gte", 0)))));
            MongoCollection<Document> items = database.getCollection("items");
            items.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true).name("sku_1"));
            database.runCommand(new Document("collMod", "items").append("validationAction", "warn"));
            items.dropIndex("sku_1");
            items.renameCollection(new MongoNamespace("ddlExpanded", "renamed"));
            database.getCollection("renamed").drop();

            List<Document> events = stream.next(6);
            assertThat(events).extracting(event -> event.getString("operationType"))
                .containsExactly("create", "createIndexes", "modify", "dropIndexes", "rename", "drop");

            Document create = events.get(0).get("operationDescription", Document.class);
            assertThat(create.get("validator")).isEqualTo(new Document("n", new Document("$gte", 0)));
            assertThat(create.get("idIndex", Document.class).getString("name")).isEqualTo("_id_");
            Document index = events.get(1).get("operationDescription", Document.class).getList("indexes", Document.class).get(0);
            assertThat(index.getString("name")).isEqualTo("sku_1");
            assertThat(index.getBoolean("unique")).isTrue();
            assertThat(events.get(2).get("operationDescription", Document.class).getString("validationAction")).isEqualTo("warn");
            assertThat(events.get(2).get("stateBeforeChange", Document.class).get("collectionOptions", Document.class))
                .containsKey("validator");
            assertThat(events.get(3).get("operationDescription", Document.class).getList("indexes", Document.class))
                .extracting(spec -> spec.getString("name")).containsExactly("sku_1");
            assertThat(events.get(4).get("to")).isEqualTo(new Document("db", "ddlExpanded").append("coll", "renamed"));
            assertThat(events.get(5).get("ns")).isEqualTo(new Document("db", "ddlExpanded").append("coll", "renamed"));
            assertThat(events).allSatisfy(event -> assertThat(event).containsKey("collectionUUID"));
        }
    }

    @Test
    void implicitCreationProducesACreateEvent() {
        MongoDatabase database = CLUSTERS.client().getDatabase("ddlImplicit");
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(database.watch().showExpandedEvents(true))) {
            database.getCollection("auto").insertOne(new Document("_id", 1));

            assertThat(stream.next(2)).extracting(event -> event.getString("operationType")).containsExactly("create", "insert");
        }
    }

    @Test
    void withoutExpandedEventsOnlyDropRenameAndDropDatabaseAreShown() {
        MongoDatabase database = CLUSTERS.client().getDatabase("ddlPlain");
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(CLUSTERS.client().watch())) {
            database.createCollection("a");
            database.getCollection("a").createIndex(Indexes.ascending("x"));
            database.getCollection("a").insertOne(new Document("_id", 1));
            database.getCollection("a").renameCollection(new MongoNamespace("ddlPlain", "b"));
            database.drop();

            List<Document> events = stream.next(4);
            assertThat(events).extracting(event -> event.getString("operationType"))
                .containsExactly("insert", "rename", "drop", "dropDatabase");
            assertThat(events.get(1)).doesNotContainKey("operationDescription");
            assertThat(events.get(3).get("ns")).isEqualTo(new Document("db", "ddlPlain"));
            stream.assertNoMore();
        }
    }

    @Test
    void aRenameAcrossDatabasesIsARenameEventOnTheSourceDatabaseWithItsTarget() {
        MongoDatabase source = CLUSTERS.client().getDatabase("ddlRenameFrom");
        source.getCollection("moving").insertOne(new Document("_id", 1));
        try (ChangeStreamProbe sourceStream = ChangeStreamProbe.open(source.watch().showExpandedEvents(true));
             ChangeStreamProbe clusterStream = ChangeStreamProbe.open(CLUSTERS.client().watch().showExpandedEvents(true))) {
            source.getCollection("moving").renameCollection(new MongoNamespace("ddlRenameTo", "moved"));
            CLUSTERS.client().getDatabase("ddlRenameTo").getCollection("moved").insertOne(new Document("_id", 2));

            Document rename = sourceStream.next();
            assertThat(rename.getString("operationType")).isEqualTo("rename");
            assertThat(rename.get("ns")).isEqualTo(new Document("db", "ddlRenameFrom").append("coll", "moving"));
            assertThat(rename.get("to")).isEqualTo(new Document("db", "ddlRenameTo").append("coll", "moved"));
            assertThat(rename.get("operationDescription", Document.class).get("to")).isEqualTo(rename.get("to"));
            sourceStream.assertNoMore();
            assertThat(clusterStream.next(2)).extracting(event -> event.getString("operationType") + " " + event.get("ns"))
                .containsExactly("rename Document{{db=ddlRenameFrom, coll=moving}}", "insert Document{{db=ddlRenameTo, coll=moved}}");
        }
    }

    @Test
    void droppingTheWatchedCollectionInvalidatesTheStream() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("ddlInvalidate").getCollection("watched");
        collection.insertOne(new Document("_id", 0));
        BsonDocument invalidateToken;
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch())) {
            collection.insertOne(new Document("_id", 1));
            collection.drop();

            List<Document> events = stream.next(3);
            assertThat(events).extracting(event -> event.getString("operationType")).containsExactly("insert", "drop", "invalidate");
            invalidateToken = BsonDocument.parse(events.get(2).get("_id", Document.class).toJson());
        }

        assertThatThrownBy(() -> collection.watch().resumeAfter(invalidateToken).cursor())
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(260));
        try (ChangeStreamProbe restarted = ChangeStreamProbe.open(collection.watch().startAfter(invalidateToken))) {
            collection.insertOne(new Document("_id", "recreated"));
            assertThat(restarted.next().get("documentKey")).isEqualTo(new Document("_id", "recreated"));
        }
    }

    @Test
    void droppingTheWatchedDatabaseInvalidatesItsStream() {
        MongoDatabase database = CLUSTERS.client().getDatabase("ddlDropDb");
        database.getCollection("one").insertOne(new Document("_id", 1));
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(database.watch())) {
            database.drop();

            assertThat(stream.next(3)).extracting(event -> event.getString("operationType"))
                .containsExactly("drop", "dropDatabase", "invalidate");
        }
    }
}
