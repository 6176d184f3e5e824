package io.c2csync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.ValidationAction;
import com.mongodb.client.model.ValidationLevel;
import com.mongodb.client.model.ValidationOptions;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** DDL in source order: collections with options, indexes, renames (also across databases), drops, dropDatabase. */
interface DdlRoundTrips extends PipelineSuite {

    @Test
    default void createWithOptionsInsertCreateIndexesRenameDropSequence() {
        MongoDatabase db = environment().source().getDatabase("ddl_seq");
        // copied with its options and indexes
        createWithOptions(db, "before");
        Workloads.insertNumbered(db.getCollection("before"), 0, 50);
        createIndexes(db.getCollection("before"));
        try (SyncGroupUnderTest group = SyncGroupUnderTest.start(environment(), "ddl-seq",
                PipelineSuite.databases("ddl_seq"))) {
            createWithOptions(db, "dropped");
            Workloads.insertNumbered(db.getCollection("dropped"), 0, 20);
            createIndexes(db.getCollection("dropped"));
            db.getCollection("dropped").renameCollection(new MongoNamespace("ddl_seq", "renamedThenDropped"));
            db.getCollection("renamedThenDropped").insertOne(new Document("_id", 100).append("n", 100));
            db.getCollection("renamedThenDropped").drop();

            createWithOptions(db, "kept");
            Workloads.insertNumbered(db.getCollection("kept"), 0, 20);
            createIndexes(db.getCollection("kept"));
            db.getCollection("kept").renameCollection(new MongoNamespace("ddl_seq", "keptRenamed"));
            MongoCollection<Document> renamed = db.getCollection("keptRenamed");
            renamed.updateMany(Filters.lt("n", 5), Updates.inc("n", 1000));
            db.runCommand(new Document("collMod", "keptRenamed").append("validationLevel", "moderate")
                    .append("validationAction", "warn"));
            db.runCommand(new Document("collMod", "keptRenamed").append("index",
                    new Document("name", "n_1").append("hidden", true)));
            db.runCommand(new Document("collMod", "keptRenamed").append("index",
                    new Document("name", "expires_1").append("expireAfterSeconds", 7200L)));
            renamed.dropIndex("k_1_n_-1");
            db.getCollection("before").renameCollection(new MongoNamespace("ddl_seq", "keptRenamed"),
                    new RenameCollectionOptions().dropTarget(true));

            assertDestinationEqualsSource(group, "ddl_seq");
        }
    }

    @Test
    default void dropDatabaseWhileWritesContinue() throws Exception {
        MongoDatabase db = environment().source().getDatabase("ddl_dropdb");
        Workloads.insertNumbered(db.getCollection("steady"), 0, 100);
        createIndexes(db.getCollection("steady"));
        try (SyncGroupUnderTest group = SyncGroupUnderTest.start(environment(), "ddl-dropdb",
                PipelineSuite.databases("ddl_dropdb"));
                Workloads.Writer writer = Workloads.Writer.start(db.getCollection("writes"), 1_000)) {
            writer.awaitWritten(100);
            db.drop();
            writer.awaitWritten(300);
            writer.stop();
            db.getCollection("afterDrop").insertOne(new Document("_id", 1));

            assertDestinationEqualsSource(group, "ddl_dropdb");
        }
    }

    @Test
    default void renameAcrossDatabases() {
        MongoDatabase from = environment().source().getDatabase("ddl_from");
        MongoDatabase to = environment().source().getDatabase("ddl_to");
        createWithOptions(from, "copiedThenMoved");
        Workloads.insertNumbered(from.getCollection("copiedThenMoved"), 0, 30);
        createIndexes(from.getCollection("copiedThenMoved"));
        try (SyncGroupUnderTest group = SyncGroupUnderTest.start(environment(), "ddl-cross-db",
                PipelineSuite.databases("ddl_from", "ddl_to"))) {
            from.getCollection("copiedThenMoved").renameCollection(new MongoNamespace("ddl_to", "moved"));
            to.getCollection("moved").insertOne(new Document("_id", 1000).append("n", 1000));

            createWithOptions(from, "replacesTarget");
            Workloads.insertNumbered(from.getCollection("replacesTarget"), 0, 10);
            Workloads.insertNumbered(to.getCollection("target"), 500, 510);
            from.getCollection("replacesTarget").renameCollection(new MongoNamespace("ddl_to", "target"),
                    new RenameCollectionOptions().dropTarget(true));
            to.getCollection("target").updateOne(Filters.eq("_id", 0), Updates.set("after", "rename"));

            assertDestinationEqualsSource(group, "ddl_from", "ddl_to");
            assertThat(environment().destination().getDatabase("ddl_to").getCollection("moved").countDocuments())
                    .isEqualTo(31);
        }
    }

    private static void createWithOptions(MongoDatabase db, String name) {
        db.createCollection(name, new CreateCollectionOptions().validationOptions(new ValidationOptions()
                .validator(Filters.exists("n")).validationLevel(ValidationLevel.STRICT)
                .validationAction(ValidationAction.ERROR)));
    }

    private static void createIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("n"), new IndexOptions().name("n_1"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("k"), Indexes.descending("n")),
                new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("sparse"), new IndexOptions().sparse(true));
        collection.createIndex(Indexes.ascending("partial"), new IndexOptions()
                .partialFilterExpression(Filters.gt("n", 10)));
        collection.createIndex(Indexes.ascending("expires"), new IndexOptions().expireAfter(3600L, TimeUnit.SECONDS));
        collection.updateMany(Filters.lt("n", 3), Updates.set("expires", new Date(0)));
    }
}
