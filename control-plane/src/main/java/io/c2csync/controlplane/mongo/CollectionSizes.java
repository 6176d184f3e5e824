package io.c2csync.controlplane.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.function.BiPredicate;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** The data size ({@code collStats.size}) of the chosen collections of one cluster. */
public final class CollectionSizes {
    private CollectionSizes() {
    }

    /** @param selected whether a database (collection null) or a collection of it counts */
    public static long total(MongoClient client, BiPredicate<String, String> selected) {
        long total = 0;
        for (String database : client.listDatabaseNames()) {
            if (!selected.test(database, null)) {
                continue;
            }
            MongoDatabase db = client.getDatabase(database);
            for (String collection : db.listCollectionNames()) {
                if (selected.test(database, collection)) {
                    BsonDocument stats = db.runCommand(new BsonDocument("collStats", new BsonString(collection)),
                            BsonDocument.class);
                    total += stats.getNumber("size").longValue();
                }
            }
        }
        return total;
    }
}
