package io.c2csync.controlplane.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.controlplane.sync.UniqueIndexConversion;
import io.c2csync.emulator.EmulatedClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Commit step 5 against the emulator: the sink's recorded unique indexes made unique, or their duplicates named. */
class UniqueIndexConversionTest {
    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    private MongoClusterAdmin admin;

    @BeforeEach
    void recordANonUniqueIndex() {
        CLUSTERS.client().getDatabase(MarkerNamespace.DATABASE).drop();
        CLUSTERS.client().getDatabase("shop").drop();
        users().createIndex(Indexes.ascending("email"), new IndexOptions().name("email_1"));
        users().insertMany(List.of(new Document("_id", 1).append("email", "a"), new Document("_id", 2).append("email", "a"),
                new Document("_id", 3).append("email", "b")));
        record("users", "email_1", new Document("v", 2).append("key", new Document("email", 1)).append("name", "email_1")
                .append("unique", true));
        admin = MongoClusterAdmin.connect(CLUSTERS.get(0).connectionString());
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void duplicatesAreNamedAndTheRecordKeptUntilTheyAreGone() {
        UniqueIndexConversion refused = admin.convertRecordedUniqueIndexes();

        assertThat(refused.converted()).isEmpty();
        assertThat(refused.violations()).containsExactly(
                "shop.users index email_1: 1 key(s) held by more than one document, _ids [1, 2]");
        assertThat(unique("email_1")).isEmpty();
        assertThat(records().countDocuments()).isEqualTo(1);

        users().deleteOne(Filters.eq("_id", 2));
        UniqueIndexConversion done = admin.convertRecordedUniqueIndexes();

        assertThat(done.converted()).containsExactly("shop.users index email_1");
        assertThat(done.violations()).isEmpty();
        assertThat(unique("email_1")).contains(true);
        assertThat(records().countDocuments()).isZero();
        assertThat(admin.convertRecordedUniqueIndexes()).isEqualTo(new UniqueIndexConversion(List.of(), List.of()));
    }

    @Test
    void aRecordOfAnIndexDroppedSinceIsRemoved() {
        users().dropIndex("email_1");

        assertThat(admin.convertRecordedUniqueIndexes()).isEqualTo(new UniqueIndexConversion(List.of(), List.of()));
        assertThat(records().countDocuments()).isZero();
    }

    private static void record(String collection, String name, Document spec) {
        records().insertOne(new Document("_id", new Document("db", "shop").append("coll", collection).append("name", name))
                .append("spec", spec));
    }

    private static Optional<Boolean> unique(String name) {
        return users().listIndexes().into(new ArrayList<>()).stream().filter(index -> index.getString("name").equals(name))
                .findFirst().map(index -> index.getBoolean("unique"));
    }

    private static MongoCollection<Document> users() {
        return CLUSTERS.client().getDatabase("shop").getCollection("users");
    }

    private static MongoCollection<Document> records() {
        return CLUSTERS.client().getDatabase(MarkerNamespace.DATABASE).getCollection(MarkerNamespace.UNIQUE_INDEXES);
    }
}
