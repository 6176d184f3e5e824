package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Collation;
import com.mongodb.client.model.CollationStrength;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneOptions;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.ValidationOptions;

/** Catalog commands: create options, collMod, listCollections, indexes, rename, listDatabases and sizes. */
class CatalogTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(CLUSTERS.source().connectionString()))
            .uuidRepresentation(UuidRepresentation.STANDARD)
            .build());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void listCollectionsReportsOptionsAndUuidAndHonoursFilterAndNameOnly() {
        MongoDatabase database = client.getDatabase("catalogList");
        Document validator = new Document("n", new Document("$type", "int"));
        database.createCollection("validated", new CreateCollectionOptions()
            .validationOptions(new ValidationOptions().validator(validator)));
        database.createCollection("plain");

        Document validated = database.listCollections().filter(Filters.eq("name", "validated")).first();
        assertThat(validated.get("options", Document.class).get("validator")).isEqualTo(validator);
        assertThat(validated.get("info", Document.class).get("uuid")).isInstanceOf(UUID.class);
        assertThat(validated.getString("type")).isEqualTo("collection");
        assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactlyInAnyOrder("validated", "plain");
        assertThat(database.listCollections().filter(Filters.eq("options", new Document())).map(c -> c.getString("name")).into(new ArrayList<>()))
            .containsExactly("plain");
    }

    /** MongoDB keeps the simple collation out of its catalog: it is the default. */
    @Test
    void theSimpleCollationIsAcceptedButNotStored() {
        MongoDatabase database = client.getDatabase("catalogSimpleCollation");
        Collation simple = Collation.builder().locale("simple").build();
        database.createCollection("plain", new CreateCollectionOptions().collation(simple));
        MongoCollection<Document> plain = database.getCollection("plain");
        plain.createIndex(Indexes.ascending("name"), new IndexOptions().collation(simple));
        plain.insertMany(List.of(new Document("_id", 1).append("name", "b"), new Document("_id", 2).append("name", "B")));

        assertThat(database.listCollections().first().get("options", Document.class)).isEmpty();
        assertThat(plain.listIndexes().into(new ArrayList<>())).extracting(index -> index.getString("name"))
            .containsExactly("_id_", "name_1");
        assertThat(plain.listIndexes().into(new ArrayList<>())).allSatisfy(index -> assertThat(index).doesNotContainKey("collation"));
        assertThat(plain.find().sort(Indexes.ascending("name")).map(d -> d.getString("name")).into(new ArrayList<>()))
            .containsExactly("B", "b");
        assertThat(plain.countDocuments(Filters.eq("name", "b"))).isEqualTo(1);
        assertThatThrownBy(() -> plain.createIndex(Indexes.ascending("other"), new IndexOptions()
                .collation(Collation.builder().locale("en").collationStrength(CollationStrength.SECONDARY).build())))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(238));
    }

    @Test
    void optionsTheEmulatorCannotHonourAreRefused() {
        MongoDatabase database = client.getDatabase("catalogRefused");
        assertThatThrownBy(() -> database.createCollection("fr", new CreateCollectionOptions().collation(Collation.builder().locale("fr").build())))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(238));
        assertThatThrownBy(() -> database.runCommand(new Document("create", "series").append("timeseries", new Document("timeField", "t"))))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(238));
        assertThatThrownBy(() -> database.runCommand(new Document("create", "odd").append("noSuchOption", 1)))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(40415));
        assertThat(database.listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    void validatorsAreEnforcedUnlessBypassed() {
        MongoDatabase database = client.getDatabase("catalogValidation");
        database.createCollection("checked", new CreateCollectionOptions()
            .validationOptions(new ValidationOptions().validator(new Document("n", new Document("$gte", 0)))));
        MongoCollection<Document> checked = database.getCollection("checked");

        checked.insertOne(new Document("_id", 1).append("n", 1));
        assertThatThrownBy(() -> checked.insertOne(new Document("_id", 2).append("n", -1)))
            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(121));
        assertThatThrownBy(() -> checked.updateOne(Filters.eq("_id", 1), Updates.set("n", -5)))
            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(121));
        checked.insertOne(new Document("_id", 3).append("n", -3), new InsertOneOptions().bypassDocumentValidation(true));

        assertThat(checked.find().into(new ArrayList<>()))
            .containsExactly(new Document("_id", 1).append("n", 1), new Document("_id", 3).append("n", -3));
        assertThat(checked.find(Filters.eq("n", 1)).first()).isNotNull();
    }

    @Test
    void collModChangesOptionsAndIndexes() {
        MongoDatabase database = client.getDatabase("catalogCollMod");
        MongoCollection<Document> collection = database.getCollection("modded");
        collection.createIndex(Indexes.ascending("a"), new IndexOptions().name("a_1"));

        database.runCommand(new Document("collMod", "modded")
            .append("changeStreamPreAndPostImages", new Document("enabled", true)));
        Document reply = database.runCommand(new Document("collMod", "modded")
            .append("index", new Document("name", "a_1").append("hidden", true)));

        assertThat(reply.get("hidden_new")).isEqualTo(true);
        Document options = database.listCollections().first().get("options", Document.class);
        assertThat(options.get("changeStreamPreAndPostImages")).isEqualTo(new Document("enabled", true));
        assertThat(collection.listIndexes().into(new ArrayList<>()))
            .filteredOn(spec -> "a_1".equals(spec.getString("name")))
            .singleElement().satisfies(index -> assertThat(index.getBoolean("hidden")).isTrue());
        assertThatThrownBy(() -> database.runCommand(new Document("collMod", "missing").append("validationLevel", "off")))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(26));
    }

    @Test
    void collModConvertsAnIndexToUniqueAfterPrepareUniqueAndNamesTheDuplicates() {
        MongoDatabase database = client.getDatabase("catalogPrepareUnique");
        MongoCollection<Document> collection = database.getCollection("people");
        collection.createIndex(Indexes.ascending("email"), new IndexOptions().name("email_1"));
        collection.insertMany(List.of(new Document("_id", 1).append("email", "a"), new Document("_id", 2).append("email", "a"),
            new Document("_id", 3).append("email", "b")));
        Document toUnique = new Document("collMod", "people").append("index", new Document("name", "email_1").append("unique", true));

        assertThatThrownBy(() -> database.runCommand(toUnique))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(72));
        database.runCommand(new Document("collMod", "people").append("index", new Document("name", "email_1").append("prepareUnique", true)));
        assertThatThrownBy(() -> database.runCommand(toUnique))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(359);
                assertThat(e.getResponse().getArray("violations").get(0).asDocument().getArray("ids"))
                    .extracting(id -> id.asInt32().getValue()).containsExactly(1, 2);
            });

        collection.deleteOne(Filters.eq("_id", 2));
        database.runCommand(toUnique);
        assertThat(collection.listIndexes().into(new ArrayList<>()))
            .filteredOn(spec -> "email_1".equals(spec.getString("name")))
            .singleElement().satisfies(index -> {
                assertThat(index.getBoolean("unique")).isTrue();
                assertThat(index).doesNotContainKey("prepareUnique");
            });
    }

    @Test
    void indexesKeepTheirOptionsAndUniqueIsEnforced() {
        MongoCollection<Document> collection = client.getDatabase("catalogIndexes").getCollection("indexed");
        collection.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email_unique"));
        collection.createIndex(Indexes.descending("age"), new IndexOptions().sparse(true).hidden(true)
            .partialFilterExpression(new Document("age", new Document("$gt", 1))));
        collection.createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(60L, java.util.concurrent.TimeUnit.SECONDS));

        List<Document> indexes = collection.listIndexes().into(new ArrayList<>());
        assertThat(indexes).extracting(spec -> spec.getString("name")).containsExactly("_id_", "email_unique", "age_-1", "at_1");
        assertThat(indexes.get(1).getBoolean("unique")).isTrue();
        assertThat(indexes.get(2)).containsEntry("sparse", true).containsEntry("hidden", true).containsKey("partialFilterExpression");
        assertThat(((Number) indexes.get(3).get("expireAfterSeconds")).longValue()).isEqualTo(60L);
        assertThat(indexes).allSatisfy(spec -> assertThat(spec).doesNotContainKey("ns"));

        collection.insertOne(new Document("email", "a@x"));
        assertThatThrownBy(() -> collection.insertOne(new Document("email", "a@x")))
            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        assertThatThrownBy(() -> collection.createIndex(Indexes.ascending("p"), new IndexOptions().unique(true)
            .partialFilterExpression(new Document("p", new Document("$exists", true)))))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(238));
        assertThatThrownBy(() -> client.getDatabase("catalogIndexes").runCommand(new Document("listIndexes", "missing")))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(26));
    }

    @Test
    void dropIndexesDropsAllButTheIdIndex() {
        MongoCollection<Document> collection = client.getDatabase("catalogDropIndexes").getCollection("c");
        client.getDatabase("catalogDropIndexes").getCollection("other").createIndex(Indexes.ascending("z"));
        collection.createIndex(Indexes.ascending("x"));
        collection.createIndex(Indexes.ascending("y"));

        collection.dropIndexes();

        assertThat(collection.listIndexes().map(spec -> spec.getString("name")).into(new ArrayList<>())).containsExactly("_id_");
        assertThat(client.getDatabase("catalogDropIndexes").getCollection("other").listIndexes()
            .map(spec -> spec.getString("name")).into(new ArrayList<>())).containsExactly("_id_", "z_1");
    }

    /** The sync creates collections with the {@code idIndex} that listCollections reported. */
    @Test
    void createAcceptsTheIdIndexListCollectionsReports() {
        MongoDatabase database = client.getDatabase("catalogIdIndex");
        Document idIndex = new Document("v", 2).append("key", new Document("_id", 1)).append("name", "_id_");
        database.runCommand(new Document("create", "withIdIndex").append("idIndex", idIndex));

        assertThat(database.listCollections().first().get("idIndex")).isEqualTo(idIndex);
        assertThat(database.getCollection("withIdIndex").listIndexes().map(spec -> spec.getString("name")).into(new ArrayList<>()))
            .containsExactly("_id_");
        assertThatThrownBy(() -> database.runCommand(new Document("create", "badKey")
            .append("idIndex", new Document("key", new Document("a", 1)).append("name", "_id_"))))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
        assertThatThrownBy(() -> database.runCommand(new Document("create", "badOption")
            .append("idIndex", new Document("key", new Document("_id", 1)).append("name", "_id_").append("unique", true))))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(197));
        assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactly("withIdIndex");
    }

    @Test
    void renameCollectionChecksSourceAndTarget() {
        MongoDatabase database = client.getDatabase("catalogRename");
        database.getCollection("source").insertOne(new Document("_id", 1));
        database.getCollection("target").insertOne(new Document("_id", 2));
        MongoNamespace target = new MongoNamespace("catalogRename", "target");

        assertThatThrownBy(() -> database.getCollection("missing").renameCollection(target))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(26));
        assertThatThrownBy(() -> database.getCollection("source").renameCollection(target))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(48));
        database.getCollection("source").renameCollection(target, new RenameCollectionOptions().dropTarget(true));

        assertThat(database.getCollection("target").find().into(new ArrayList<>())).containsExactly(new Document("_id", 1));
        assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactly("target");
    }

    @Test
    void renameCollectionAcrossDatabasesCopiesDocumentsIndexesAndOptionsUnderANewUuid() {
        MongoDatabase from = client.getDatabase("catalogRenameFrom");
        MongoDatabase to = client.getDatabase("catalogRenameTo");
        from.createCollection("source", new CreateCollectionOptions().validationOptions(new ValidationOptions()
            .validator(new Document("n", new Document("$type", "int")))));
        from.getCollection("source").insertMany(List.of(new Document("_id", 1).append("n", 1), new Document("_id", 2).append("n", 2)));
        from.getCollection("source").createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
        to.getCollection("occupied").insertOne(new Document("_id", 3));
        UUID uuid = from.listCollections().first().get("info", Document.class).get("uuid", UUID.class);

        assertThatThrownBy(() -> from.getCollection("source").renameCollection(new MongoNamespace("catalogRenameTo", "occupied")))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(48));
        assertThatThrownBy(() -> from.getCollection("missing").renameCollection(new MongoNamespace("catalogRenameTo", "moved")))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(26));
        from.getCollection("source").renameCollection(new MongoNamespace("catalogRenameTo", "moved"));

        MongoCollection<Document> moved = to.getCollection("moved");
        assertThat(moved.find().into(new ArrayList<>())).containsExactly(new Document("_id", 1).append("n", 1),
            new Document("_id", 2).append("n", 2));
        assertThat(moved.listIndexes().map(spec -> spec.getString("name")).into(new ArrayList<>())).containsExactly("_id_", "n_1");
        assertThatThrownBy(() -> moved.insertOne(new Document("_id", 4).append("n", 1)))
            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        Document listed = to.listCollections().filter(Filters.eq("name", "moved")).first();
        assertThat(listed.get("options", Document.class)).containsKey("validator");
        assertThat(listed.get("info", Document.class).get("uuid", UUID.class)).isNotNull().isNotEqualTo(uuid);
        assertThat(from.listCollectionNames().into(new ArrayList<>())).isEmpty();
        assertThatThrownBy(() -> from.runCommand(new Document("listIndexes", "source")))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(26));

        to.getCollection("moved").renameCollection(new MongoNamespace("catalogRenameFrom", "back"));
        to.getCollection("occupied").renameCollection(new MongoNamespace("catalogRenameFrom", "back"),
            new RenameCollectionOptions().dropTarget(true));
        assertThat(from.getCollection("back").find().into(new ArrayList<>())).containsExactly(new Document("_id", 3));
        assertThat(from.getCollection("back").listIndexes().map(spec -> spec.getString("name")).into(new ArrayList<>()))
            .containsExactly("_id_");
    }

    @Test
    void listDatabasesShowsNoPhantomOrDroppedDatabases() {
        client.getDatabase("catalogPhantom").getCollection("nothing").find().first();
        client.getDatabase("catalogDropped").getCollection("c").insertOne(new Document("_id", 1));
        client.getDatabase("catalogKept").getCollection("c").insertOne(new Document("_id", 1));
        client.getDatabase("catalogDropped").drop();

        List<String> names = client.listDatabaseNames().into(new ArrayList<>());
        assertThat(names).contains("catalogKept", "admin", "config", "local").doesNotContain("catalogPhantom", "catalogDropped");
        Document kept = client.listDatabases().filter(Filters.eq("name", "catalogKept")).first();
        assertThat(kept.get("sizeOnDisk", Number.class).longValue()).isPositive();
    }

    @Test
    void statsReportSizesForCopyEstimates() {
        MongoDatabase database = client.getDatabase("catalogStats");
        MongoCollection<Document> collection = database.getCollection("sized");
        for (int i = 0; i < 10; i++) {
            collection.insertOne(new Document("_id", i).append("payload", "x".repeat(100)));
        }

        Document collStats = database.runCommand(new Document("collStats", "sized"));
        Document dbStats = database.runCommand(new Document("dbStats", 1));
        Document stage = collection.aggregate(List.of(new Document("$collStats",
            new Document("storageStats", new Document()).append("count", new Document())))).first();

        assertThat(((Number) collStats.get("count")).longValue()).isEqualTo(10);
        assertThat(((Number) collStats.get("size")).longValue()).isGreaterThan(1000);
        assertThat(((Number) collStats.get("storageSize")).longValue()).isPositive();
        assertThat(((Number) dbStats.get("dataSize")).longValue()).isGreaterThan(1000);
        assertThat(((Number) stage.get("count")).longValue()).isEqualTo(10);
        assertThat(((Number) stage.get("storageStats", Document.class).get("size")).longValue()).isGreaterThan(1000);
    }

    @Test
    void setAndReplaceWithStagesWork() {
        MongoCollection<Document> collection = client.getDatabase("catalogStages").getCollection("c");
        collection.insertOne(new Document("_id", 1).append("inner", new Document("v", 2)));

        Document result = collection.aggregate(List.of(new Document("$set", new Document("w", 3)),
            new Document("$replaceWith", new Document("v", "$inner.v").append("w", "$w")))).first();

        assertThat(result).isEqualTo(new Document("v", 2).append("w", 3));
    }
}
