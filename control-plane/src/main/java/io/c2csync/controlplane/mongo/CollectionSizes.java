package io.c2csync.controlplane.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** The data size and document count ({@code collStats.size}, {@code count}) of the chosen collections of one cluster. */
public final class CollectionSizes {

    /** One collection's {@code collStats}. */
    public record Size(long bytes, long documents) {
    }

    private CollectionSizes() {
    }

    /**
     * @param selected whether a database (collection null) or a collection of it counts
     * @return by namespace ({@code db.collection}), in name order
     */
    public static Map<String, Size> byNamespace(MongoClient client, BiPredicate<String, String> selected) {
        Map<String, Size> sizes = new TreeMap<>();
        for (String database : client.listDatabaseNames()) {
            if (!selected.test(database, null)) {
                continue;
            }
            MongoDatabase db = client.getDatabase(database);
            for (String collection : db.listCollectionNames()) {
                if (selected.test(database, collection)) {
                    BsonDocument stats = db.runCommand(new BsonDocument("collStats", new BsonString(collection)),
                            BsonDocument.class);
                    sizes.put(database + "." + collection, new Size(stats.getNumber("size").longValue(),
                            stats.getNumber("count").longValue()));
                }
            }
        }
        return sizes;
    }
}
