package io.c2csync.controlplane.verify;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Collation;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/** What the verifier reads from one cluster: its catalog, its indexes, and each collection in {@code _id} order. */
final class ClusterReader {

    private static final BsonDocument BY_ID = new BsonDocument("_id", new BsonInt32(1));
    private static final BsonString COLLECTION = new BsonString("collection");
    private static final Collation SIMPLE = Collation.builder().locale("simple").build();
    /**
     * Documents per batch: without it the server fills batches up to 16 MiB, and the driver holds a reply twice while
     * decoding it, so each side would need 32 MiB of heap even for small documents.
     */
    private static final int BATCH_SIZE = 1_000;

    private final MongoClient client;

    ClusterReader(MongoClient client) {
        this.client = client;
    }

    /** The namespaces the filter selects, by full name. */
    SortedMap<String, CollectionSpec> collections(NamespaceFilter filter) {
        SortedMap<String, CollectionSpec> collections = new TreeMap<>();
        for (String databaseName : client.listDatabaseNames()) {
            if (!filter.mayInclude(databaseName)) {
                continue;
            }
            for (BsonDocument entry : client.getDatabase(databaseName).listCollections(BsonDocument.class)) {
                String name = entry.getString("name").getValue();
                if (filter.includes(databaseName, name)) {
                    MongoNamespace namespace = new MongoNamespace(databaseName, name);
                    collections.put(namespace.getFullName(), new CollectionSpec(namespace,
                            entry.getString("type", COLLECTION).getValue(),
                            entry.getDocument("options", new BsonDocument())));
                }
            }
        }
        return collections;
    }

    List<BsonDocument> indexes(MongoNamespace namespace) {
        return collection(namespace).listIndexes(BsonDocument.class).into(new ArrayList<>());
    }

    long estimatedDocumentCount(MongoNamespace namespace) {
        return collection(namespace).estimatedDocumentCount();
    }

    /** The documents as their raw bytes, sorted by {@code _id} as the server's {@code _id} index orders them. */
    MongoCursor<RawBsonDocument> inIdOrder(MongoNamespace namespace) {
        return collection(namespace).withDocumentClass(RawBsonDocument.class)
                .find().sort(BY_ID).collation(SIMPLE).batchSize(BATCH_SIZE).iterator();
    }

    long countDocuments(MongoNamespace namespace) {
        return collection(namespace).countDocuments();
    }

    /** The documents with these {@code _id}s, as {@link #inIdOrder} returns them. */
    MongoCursor<RawBsonDocument> byIds(MongoNamespace namespace, List<BsonValue> ids) {
        return collection(namespace).withDocumentClass(RawBsonDocument.class)
                .find(Filters.in("_id", ids)).sort(BY_ID).collation(SIMPLE).batchSize(BATCH_SIZE).iterator();
    }

    private MongoCollection<BsonDocument> collection(MongoNamespace namespace) {
        return client.getDatabase(namespace.getDatabaseName()).getCollection(namespace.getCollectionName(), BsonDocument.class);
    }
}
