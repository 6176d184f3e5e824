package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * MongoDB 6.0's conversion of a non-unique index to a unique one with collMod (prepareUnique, then unique), and
 * createIndexes' conflicts with an existing index (85/86).
 */
class UniqueIndexConversionTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @Test
    void prepareUniqueRejectsNewDuplicatesAndUniqueConvertsOnceTheOldOnesAreGone() {
        MongoDatabase database = CLUSTERS.client().getDatabase("convertUnique");
        MongoCollection<Document> apples = database.getCollection("apples");
        apples.insertMany(List.of(new Document("_id", 1).append("type", "a"), new Document("_id", 2).append("type", "b"),
            new Document("_id", 3).append("type", "a")));
        apples.createIndex(Indexes.ascending("type"));
        Document byKey = new Document("keyPattern", new Document("type", 1));

        assertCode(() -> collMod(database, new Document(byKey).append("unique", true)), 72);
        assertCode(() -> collMod(database, new Document(byKey).append("prepareUnique", true).append("hidden", true)), 72);
        Document prepared = collMod(database, new Document(byKey).append("prepareUnique", true));
        assertThat(prepared).containsEntry("prepareUnique_old", false).containsEntry("prepareUnique_new", true);
        assertThat(index(apples)).containsEntry("prepareUnique", true).doesNotContainKey("unique");

        assertThatThrownBy(() -> apples.insertOne(new Document("_id", 4).append("type", "b")))
            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        apples.insertOne(new Document("_id", 5).append("type", "c"));
        assertThatThrownBy(() -> apples.updateOne(Filters.eq("_id", 2), Updates.set("type", "c")))
            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        assertThat(apples.find(Filters.eq("_id", 2)).first()).containsEntry("type", "b");

        Document uniqueChange = new Document(byKey).append("unique", true);
        for (Document command : List.of(new Document("collMod", "apples").append("index", uniqueChange).append("dryRun", true),
            new Document("collMod", "apples").append("index", uniqueChange))) {
            assertThatThrownBy(() -> database.runCommand(command)).isInstanceOfSatisfying(MongoCommandException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(359);
                assertThat(e.getResponse().getArray("violations").get(0).asDocument().getArray("ids"))
                    .extracting(id -> id.asInt32().getValue()).containsExactly(1, 3);
            });
        }
        assertThat(index(apples)).containsEntry("prepareUnique", true).doesNotContainKey("unique");

        apples.deleteOne(Filters.eq("_id", 3));
        assertThat(database.runCommand(new Document("collMod", "apples").append("index", uniqueChange).append("dryRun", true)))
            .doesNotContainKey("unique_new");
        assertThat(index(apples)).doesNotContainKey("unique");
        assertThat(collMod(database, uniqueChange)).containsEntry("unique_new", true);

        assertThat(index(apples)).containsEntry("unique", true).doesNotContainKey("prepareUnique");
        assertThatThrownBy(() -> apples.insertOne(new Document("_id", 6).append("type", "a")))
            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        assertThat(apples.find().map(document -> document.getInteger("_id")).into(new ArrayList<>())).containsExactlyInAnyOrder(1, 2, 5);
    }

    @Test
    void createIndexesRefusesAnIndexThatConflictsWithAnExistingOne() {
        MongoDatabase database = CLUSTERS.client().getDatabase("indexConflicts");
        MongoCollection<Document> items = database.getCollection("items");
        items.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));

        items.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
        assertCode(() -> items.createIndex(Indexes.ascending("sku")), 85);
        assertCode(() -> items.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true).name("other")), 85);
        assertCode(() -> items.createIndex(Indexes.ascending("price"), new IndexOptions().name("sku_1")), 86);
        assertThat(items.listIndexes().map(spec -> spec.getString("name")).into(new ArrayList<>())).containsExactly("_id_", "sku_1");
    }

    private static Document collMod(MongoDatabase database, Document index) {
        return database.runCommand(new Document("collMod", "apples").append("index", index));
    }

    private static Document index(MongoCollection<Document> collection) {
        return collection.listIndexes().into(new ArrayList<>()).stream().filter(spec -> spec.getString("name").equals("type_1"))
            .findFirst().orElseThrow();
    }

    private static void assertCode(Runnable command, int code) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }
}
