package io.c2csync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.RawBsonDocument;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoCollection;

/** The limit: the driver reads each collection with a cursor and inserts it in ordered bulk writes, one thread. */
public final class DirectCopy implements Deployment {

    private final Clusters clusters;

    public DirectCopy(Clusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public RunningSync prepare(SyncPlan plan) {
        return new RunningSync() {
            @Override
            public void begin() {
                plan.databases().forEach(DirectCopy.this::copy);
            }

            @Override
            public void awaitCopied(Dataset dataset, Duration timeout) {
                if (!DestinationCounts.complete(clusters.destinationClient(), dataset)) {
                    throw new IllegalStateException("the direct copy of " + dataset.label() + " left documents behind");
                }
            }

            @Override
            public boolean awaitCommittable(Duration timeout) {
                return false;
            }

            @Override
            public void ensureHealthy() {
                // the copy runs on the calling thread: a failure is thrown by begin()
            }

            @Override
            public void close() {
                // nothing deployed
            }
        };
    }

    private void copy(String database) {
        MongoCollection<RawBsonDocument> from = clusters.sourceClient().getDatabase(database)
            .getCollection(Dataset.COLLECTION, RawBsonDocument.class);
        MongoCollection<RawBsonDocument> to = clusters.destinationClient().getDatabase(database)
            .getCollection(Dataset.COLLECTION, RawBsonDocument.class);
        List<RawBsonDocument> batch = new ArrayList<>(Dataset.BATCH);
        try (MongoCursor<RawBsonDocument> cursor = from.find().batchSize(Dataset.BATCH).iterator()) {
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == Dataset.BATCH) {
                    to.insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            to.insertMany(batch);
        }
    }
}
