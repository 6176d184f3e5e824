package io.c2csync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.RawBsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

/**
 * N documents of one size, spread evenly over one collection {@code docs} in each of several databases
 * ({@code <prefix>0 .. <prefix>k-1}), so sync groups can split them by database.
 */
public record Dataset(String label, int documentBytes, int documents, List<String> databases) {

    public static final String COLLECTION = "docs";
    public static final int BATCH = 1_000;

    public Dataset {
        if (documents < databases.size()) {
            throw new IllegalArgumentException(label + ": at least one document per database is needed, got "
                + documents + " for " + databases.size() + " databases");
        }
        databases = List.copyOf(databases);
    }

    public static Dataset of(String label, int documentBytes, int documents, int databaseCount) {
        return new Dataset(label, documentBytes, documents,
            IntStream.range(0, databaseCount).mapToObj(i -> "bench_" + label + i).toList());
    }

    public int documentsIn(String database) {
        int index = databases.indexOf(database);
        return documents / databases.size() + (index < documents % databases.size() ? 1 : 0);
    }

    public long totalBytes() {
        return (long) documents * document(0).getByteBuffer().remaining();
    }

    RawBsonDocument document(int id) {
        int filler = Math.max(0, documentBytes - 40);
        return RawBsonDocument.parse(new Document("_id", id).append("n", id).append("payload", "x".repeat(filler)).toJson());
    }

    /** Writes the documents into the source in batches of {@link #BATCH}. */
    public void load(MongoClient source) {
        int id = 0;
        for (String database : databases) {
            MongoCollection<RawBsonDocument> collection =
                source.getDatabase(database).getCollection(COLLECTION, RawBsonDocument.class);
            List<RawBsonDocument> batch = new ArrayList<>();
            for (int i = 0; i < documentsIn(database); i++) {
                batch.add(document(id++));
                if (batch.size() == BATCH) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                collection.insertMany(batch);
            }
        }
    }
}
