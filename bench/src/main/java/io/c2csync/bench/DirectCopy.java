package io.c2csync.bench;

import java.util.ArrayList;
import java.util.List;

import org.bson.RawBsonDocument;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoCollection;

/** The limit: the driver reads each collection with a cursor and inserts it in ordered bulk writes, one thread. */
public final class DirectCopy implements CopyMethod {

    private final Clusters clusters;

    public DirectCopy(Clusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public String label() {
        return "direct driver copy (limit)";
    }

    @Override
    public void copy(Dataset dataset) {
        for (String database : dataset.databases()) {
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
}
