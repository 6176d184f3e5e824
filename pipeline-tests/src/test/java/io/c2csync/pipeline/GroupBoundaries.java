package io.c2csync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.ValidationOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** A sync with a group per database: renames between the groups and dropDatabase, while writes go on. */
interface GroupBoundaries extends PipelineSuite {

    @Test
    default void renameAcrossDatabasesBetweenTwoGroups() {
        MongoDatabase from = environment().source().getDatabase("gb_from");
        MongoDatabase to = environment().source().getDatabase("gb_to");
        from.createCollection("moved", new CreateCollectionOptions()
                .validationOptions(new ValidationOptions().validator(Filters.exists("n"))));
        Workloads.insertNumbered(from.getCollection("moved"), 0, 30);
        from.getCollection("moved").createIndex(Indexes.ascending("n"), new IndexOptions().name("n_1"));
        Workloads.insertNumbered(to.getCollection("target"), 500, 510);
        try (SyncGroupUnderTest.Sync sync = SyncGroupUnderTest.startSync(environment(), "gb-rename",
                groups("from", "gb_from", "to", "gb_to"));
                Workloads.Writer fromWriter = Workloads.Writer.start(from.getCollection("steady"), 2_000);
                Workloads.Writer toWriter = Workloads.Writer.start(to.getCollection("steady"), 2_000)) {
            fromWriter.awaitWritten(50);
            Workloads.insertNumbered(from.getCollection("moved"), 30, 40);
            from.getCollection("moved").updateOne(Filters.eq("_id", 1), Updates.set("before", "rename"));

            from.getCollection("moved").renameCollection(new MongoNamespace("gb_to", "moved"));
            to.getCollection("moved").insertOne(new Document("_id", 1000).append("n", 1000));
            to.getCollection("moved").updateOne(Filters.eq("_id", 2), Updates.set("after", "rename"));
            from.getCollection("moved").insertOne(new Document("_id", "recreated").append("n", -1));

            Workloads.insertNumbered(from.getCollection("replacesTarget"), 0, 10);
            from.getCollection("replacesTarget").renameCollection(new MongoNamespace("gb_to", "target"),
                    new RenameCollectionOptions().dropTarget(true));
            to.getCollection("target").updateOne(Filters.eq("_id", 0), Updates.set("after", "rename"));
            fromWriter.awaitWritten(300);
            toWriter.awaitWritten(300);
            fromWriter.stop();
            toWriter.stop();

            assertDestinationEqualsSource(sync.group("from"), "gb_from");
            assertDestinationEqualsSource(sync.group("to"), "gb_to");
            MongoDatabase destination = environment().destination().getDatabase("gb_to");
            assertThat(destination.getCollection("moved").countDocuments()).isEqualTo(41);
            assertThat(destination.getCollection("target").countDocuments()).isEqualTo(10);
            assertThat(environment().destination().getDatabase("gb_from").getCollection("moved").countDocuments())
                    .isEqualTo(1);
        }
    }

    @Test
    default void dropDatabaseWhileWritesContinueInTwoGroups() {
        MongoDatabase dropped = environment().source().getDatabase("gb_dropped");
        MongoDatabase kept = environment().source().getDatabase("gb_kept");
        Workloads.insertNumbered(dropped.getCollection("steady"), 0, 100);
        Workloads.insertNumbered(kept.getCollection("steady"), 0, 100);
        try (SyncGroupUnderTest.Sync sync = SyncGroupUnderTest.startSync(environment(), "gb-dropdb",
                groups("dropped", "gb_dropped", "kept", "gb_kept"));
                Workloads.Writer droppedWriter = Workloads.Writer.start(dropped.getCollection("writes"), 1_000);
                Workloads.Writer keptWriter = Workloads.Writer.start(kept.getCollection("writes"), 1_000)) {
            droppedWriter.awaitWritten(100);
            dropped.drop();
            droppedWriter.awaitWritten(300);
            keptWriter.awaitWritten(300);
            droppedWriter.stop();
            keptWriter.stop();
            dropped.getCollection("afterDrop").insertOne(new Document("_id", 1));

            assertDestinationEqualsSource(sync.group("dropped"), "gb_dropped");
            assertDestinationEqualsSource(sync.group("kept"), "gb_kept");
            assertThat(environment().destination().getDatabase("gb_kept").getCollection("steady").countDocuments())
                    .isEqualTo(100);
        }
    }

    private static Map<String, List<String>> groups(String group, String database, String otherGroup,
            String otherDatabase) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(group, List.of(database));
        groups.put(otherGroup, List.of(otherDatabase));
        return groups;
    }
}
