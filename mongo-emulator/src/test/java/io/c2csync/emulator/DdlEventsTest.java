package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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
import com.mongodb.client.model.RenameCollectionOptions;
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
    void aRenameAcrossDatabasesCopiesIntoATemporaryCollectionOfTheTargetRenamesItAndDropsTheSource() {
        MongoDatabase source = CLUSTERS.client().getDatabase("ddlRenameFrom");
        MongoDatabase target = CLUSTERS.client().getDatabase("ddlRenameTo");
        MongoCollection<Document> moving = movingCollection(source);
        Object sourceUuid = uuidOf(source, "moving");
        try (ChangeStreamProbe clusterStream = ChangeStreamProbe.open(CLUSTERS.client().watch().showExpandedEvents(true));
             ChangeStreamProbe sourceStream = ChangeStreamProbe.open(source.watch().showExpandedEvents(true));
             ChangeStreamProbe targetStream = ChangeStreamProbe.open(target.watch().showExpandedEvents(true));
             ChangeStreamProbe collectionStream = ChangeStreamProbe.open(moving.watch())) {
            moving.renameCollection(new MongoNamespace("ddlRenameTo", "moved"));

            List<Document> events = clusterStream.next(7);
            String temporary = events.get(0).get("ns", Document.class).getString("coll");
            assertThat(temporary).matches("tmp[0-9A-Za-z]{5}\\.renameCollection");
            assertThat(events).extracting(DdlEventsTest::describe).containsExactly(
                "create ddlRenameTo." + temporary, "createIndexes ddlRenameTo." + temporary,
                "createIndexes ddlRenameTo." + temporary, "insert ddlRenameTo." + temporary,
                "insert ddlRenameTo." + temporary, "rename ddlRenameTo." + temporary, "drop ddlRenameFrom.moving");
            assertThat(events.get(0).get("operationDescription", Document.class).get("validator"))
                .isEqualTo(new Document("n", new Document("$type", "int")));
            assertThat(events.get(1).get("operationDescription", Document.class).getList("indexes", Document.class))
                .extracting(index -> index.getString("name")).containsExactly("n_1");
            assertThat(events.get(2).get("operationDescription", Document.class).getList("indexes", Document.class))
                .extracting(index -> index.getString("name")).containsExactly("label_1");
            assertThat(events.subList(3, 5)).extracting(event -> event.get("fullDocument"))
                .containsExactly(new Document("_id", 1).append("n", 1), new Document("_id", 2).append("n", 2));
            assertThat(events.get(5).get("to")).isEqualTo(new Document("db", "ddlRenameTo").append("coll", "moved"));
            assertThat(events.get(5).get("operationDescription", Document.class)).doesNotContainKey("dropTarget");
            Object newUuid = uuidOf(target, "moved");
            assertThat(newUuid).isNotEqualTo(sourceUuid);
            assertThat(events.subList(0, 6)).extracting(event -> event.get("collectionUUID")).containsOnly(newUuid);
            assertThat(events.get(6).get("collectionUUID")).isEqualTo(sourceUuid);

            assertThat(targetStream.next(6)).extracting(DdlEventsTest::describe).isEqualTo(events.subList(0, 6).stream()
                .map(DdlEventsTest::describe).toList());
            targetStream.assertNoMore();
            assertThat(describe(sourceStream.next())).isEqualTo("drop ddlRenameFrom.moving");
            sourceStream.assertNoMore();
            assertThat(collectionStream.next(2)).extracting(event -> event.getString("operationType")).containsExactly("drop", "invalidate");
            clusterStream.assertNoMore();
        }
    }

    @Test
    void aRenameAcrossDatabasesWithDropTargetDropsTheOldTargetBeforeTheTemporaryCollectionsRename() {
        MongoDatabase source = CLUSTERS.client().getDatabase("ddlRenameDropFrom");
        MongoDatabase target = CLUSTERS.client().getDatabase("ddlRenameDropTo");
        MongoCollection<Document> moving = movingCollection(source);
        target.getCollection("occupied").insertOne(new Document("_id", "old"));
        Object oldTargetUuid = uuidOf(target, "occupied");
        try (ChangeStreamProbe clusterStream = ChangeStreamProbe.open(CLUSTERS.client().watch().showExpandedEvents(true))) {
            moving.renameCollection(new MongoNamespace("ddlRenameDropTo", "occupied"), new RenameCollectionOptions().dropTarget(true));

            List<Document> events = clusterStream.next(8);
            String temporary = "ddlRenameDropTo." + events.get(0).get("ns", Document.class).getString("coll");
            assertThat(events).extracting(DdlEventsTest::describe).containsExactly("create " + temporary,
                "createIndexes " + temporary, "createIndexes " + temporary, "insert " + temporary, "insert " + temporary,
                "drop ddlRenameDropTo.occupied", "rename " + temporary, "drop ddlRenameDropFrom.moving");
            assertThat(events.get(5).get("collectionUUID")).isEqualTo(oldTargetUuid);
            assertThat(events.get(6).get("operationDescription", Document.class).get("dropTarget")).isEqualTo(oldTargetUuid);
            assertThat(events.get(6).get("collectionUUID")).isEqualTo(uuidOf(target, "occupied"));
            clusterStream.assertNoMore();
        }
        assertThat(target.getCollection("occupied").find().into(new ArrayList<>()))
            .containsExactly(new Document("_id", 1).append("n", 1), new Document("_id", 2).append("n", 2));
        assertThat(source.listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    private static MongoCollection<Document> movingCollection(MongoDatabase database) {
        database.createCollection("moving", new CreateCollectionOptions().validationOptions(new ValidationOptions()
            .validator(new Document("n", new Document("$type", "int")))));
        MongoCollection<Document> moving = database.getCollection("moving");
        moving.insertMany(List.of(new Document("_id", 1).append("n", 1), new Document("_id", 2).append("n", 2)));
        moving.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
        moving.createIndex(Indexes.ascending("label"));
        return moving;
    }

    private static Object uuidOf(MongoDatabase database, String collection) {
        return database.listCollections().filter(new Document("name", collection)).first().get("info", Document.class).get("uuid");
    }

    private static String describe(Document event) {
        Document ns = event.get("ns", Document.class);
        return event.getString("operationType") + " " + ns.getString("db") + "." + ns.getString("coll");
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
