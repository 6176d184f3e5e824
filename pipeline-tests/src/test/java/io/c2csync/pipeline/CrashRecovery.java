package io.c2csync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.c2csync.runtime.Await;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** kill -9 of the Connect worker: after a restart, at-least-once delivery still converges to the source. */
interface CrashRecovery extends PipelineSuite {

    int COPIED_DOCUMENTS = 10_000;

    @Test
    default void workerKilledDuringTheCopy() {
        MongoDatabase db = environment().source().getDatabase("crash_copy");
        for (String name : new String[] {"first", "second"}) {
            for (int from = 0; from < COPIED_DOCUMENTS / 2; from += 1000) {
                Workloads.insertNumbered(db.getCollection(name), from, from + 1000);
            }
        }
        MongoCollection<Document> firstOnDestination = environment().destination().getDatabase("crash_copy")
                .getCollection("first");
        try (SyncGroupUnderTest group = SyncGroupUnderTest.start(environment(), "crash-copy",
                PipelineSuite.databases("crash_copy"))) {
            Await.await("the copy under way", Duration.ofSeconds(60))
                    .until(() -> firstOnDestination.countDocuments() > 0);
            long copiedBeforeTheCrash = firstOnDestination.countDocuments()
                    + environment().destination().getDatabase("crash_copy").getCollection("second").countDocuments();

            environment().crashAndRestartWorker();
            // deletes of documents the first run already sent: no later event may be lost after the restart
            db.getCollection("first").deleteMany(Filters.lt("_id", 100));
            db.getCollection("second").updateMany(Filters.lt("_id", 50), Updates.set("updated", true));
            db.getCollection("createdAfterTheCrash").insertOne(new Document("_id", 1));
            group.awaitRunning();

            assertThat(copiedBeforeTheCrash).as("documents copied when the worker was killed")
                    .isLessThan(COPIED_DOCUMENTS);
            assertDestinationEqualsSource(group, "crash_copy");
        }
    }

    @Test
    default void workerKilledDuringChangeEvents() {
        MongoDatabase db = environment().source().getDatabase("crash_stream");
        Workloads.insertNumbered(db.getCollection("base"), 0, 100);
        try (SyncGroupUnderTest group = SyncGroupUnderTest.start(environment(), "crash-stream",
                PipelineSuite.databases("crash_stream"));
                Workloads.Writer writer = Workloads.Writer.start(db.getCollection("stream"), 3_000)) {
            group.awaitCaughtUp();
            writer.awaitWritten(300);
            db.getCollection("base").updateMany(Filters.lt("_id", 50), Updates.inc("n", 1));

            environment().crashAndRestartWorker();
            writer.awaitWritten(1_000);
            db.getCollection("base").deleteMany(Filters.gte("_id", 90));
            db.getCollection("base").updateMany(Filters.lt("_id", 50), Updates.inc("n", 1));
            writer.stop();
            group.awaitRunning();

            assertDestinationEqualsSource(group, "crash_stream");
        }
    }
}
