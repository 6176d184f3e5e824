package io.c2csync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;

import io.c2csync.emulator.EmulatedReplicaSet;

/**
 * Scenario 0 (formerly mongo-emulator's EmulatorBenchmark): what one emulated replica set sustains through the
 * driver, one client thread, ~130 B documents — insertOne, insertMany, updateOne and change-stream reading.
 */
public final class EmulatorCeiling {

    private final int documents;

    public EmulatorCeiling(int documents) {
        if (documents < Dataset.BATCH || documents % Dataset.BATCH != 0) {
            throw new IllegalArgumentException("--emulator-ops must be a positive multiple of " + Dataset.BATCH
                + ", got " + documents);
        }
        this.documents = documents;
    }

    public List<Rate> run(MongoClient client) {
        MongoCollection<Document> collection = client.getDatabase("bench_ceiling").getCollection("docs");
        List<Rate> rates = new ArrayList<>();
        try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream =
                 client.watch().batchSize(Dataset.BATCH).maxAwaitTime(100, TimeUnit.MILLISECONDS).cursor()) {
            rates.add(Rate.time("insertOne", documents, () -> {
                for (int i = 0; i < documents; i++) {
                    collection.insertOne(document(i));
                }
            }));
            rates.add(Rate.time("insertMany (" + Dataset.BATCH + "/batch)", documents, () -> {
                for (int start = documents; start < 2 * documents; start += Dataset.BATCH) {
                    List<Document> batch = new ArrayList<>();
                    for (int i = start; i < start + Dataset.BATCH; i++) {
                        batch.add(document(i));
                    }
                    collection.insertMany(batch);
                }
            }));
            rates.add(Rate.time("updateOne $inc by _id", documents, () -> {
                for (int i = 0; i < documents; i++) {
                    collection.updateOne(Filters.eq("_id", i), Updates.inc("n", 1));
                }
            }));
            int events = 3 * documents;
            rates.add(Rate.time("change-stream events drained (cluster scope)", events, () -> {
                int seen = 0;
                while (seen < events) {
                    if (stream.tryNext() != null) {
                        seen++;
                    }
                }
            }));
        }
        client.getDatabase("bench_ceiling").drop();
        return rates;
    }

    private static Document document(int id) {
        return new Document("_id", id).append("n", 0).append("payload", "x".repeat(100));
    }

    /** Runs the ceiling on a fresh emulator of its own. */
    public List<Rate> runOnFreshEmulator() {
        try (EmulatedReplicaSet cluster = EmulatedReplicaSet.startOnFreePort("ceiling");
             MongoClient client = com.mongodb.client.MongoClients.create(cluster.connectionString())) {
            return run(client);
        }
    }
}
