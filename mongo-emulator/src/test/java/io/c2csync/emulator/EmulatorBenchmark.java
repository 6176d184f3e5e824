package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Not a test: the emulator's ceiling for insert and update throughput and change-stream events per second,
 * through the real driver. Run with the test classpath; results go to BENCHMARKS.md.
 */
public final class EmulatorBenchmark {

    private static final int DOCUMENTS = 20_000;
    private static final int BATCH = 1_000;

    private EmulatorBenchmark() {
    }

    public static void main(String[] args) {
        try (EmulatedReplicaSet cluster = EmulatedReplicaSet.startOnFreePort("bench");
             MongoClient client = MongoClients.create(cluster.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection("docs");
            try (MongoChangeStreamCursor<Document> stream = openStream(client)) {
                report("insertOne", DOCUMENTS, () -> {
                    for (int i = 0; i < DOCUMENTS; i++) {
                        collection.insertOne(new Document("_id", i).append("n", 0).append("payload", "x".repeat(100)));
                    }
                });
                report("insertMany (batches of " + BATCH + ")", DOCUMENTS, () -> {
                    for (int start = DOCUMENTS; start < 2 * DOCUMENTS; start += BATCH) {
                        List<Document> batch = new ArrayList<>();
                        for (int i = start; i < start + BATCH; i++) {
                            batch.add(new Document("_id", i).append("n", 0).append("payload", "x".repeat(100)));
                        }
                        collection.insertMany(batch);
                    }
                });
                report("updateOne $inc by _id", DOCUMENTS, () -> {
                    for (int i = 0; i < DOCUMENTS; i++) {
                        collection.updateOne(Filters.eq("_id", i), Updates.inc("n", 1));
                    }
                });
                int events = 3 * DOCUMENTS;
                report("change-stream events drained (cluster scope)", events, () -> {
                    int seen = 0;
                    while (seen < events) {
                        if (stream.tryNext() != null) {
                            seen++;
                        }
                    }
                });
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static MongoChangeStreamCursor<Document> openStream(MongoClient client) {
        return (MongoChangeStreamCursor<Document>) client.watch().batchSize(1000).maxAwaitTime(100, TimeUnit.MILLISECONDS)
            .withDocumentClass(Document.class).cursor();
    }

    private static void report(String what, int operations, Runnable work) {
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-48s %8d in %6.2f s = %9.0f /s%n", what, operations, seconds, operations / seconds);
    }
}
