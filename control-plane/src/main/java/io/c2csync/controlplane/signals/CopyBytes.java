package io.c2csync.controlplane.signals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.c2csync.connector.topics.NamespaceSelection;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** The data size of the selected collections of one cluster ({@code collStats.size}). */
final class CopyBytes {
    private CopyBytes() {
    }

    static long of(MongoClient client, NamespaceSelection selection) {
        long total = 0;
        for (String database : client.listDatabaseNames()) {
            if (!selection.selects(database, null)) {
                continue;
            }
            MongoDatabase db = client.getDatabase(database);
            for (String collection : db.listCollectionNames()) {
                if (selection.selects(database, collection)) {
                    BsonDocument stats = db.runCommand(new BsonDocument("collStats", new BsonString(collection)),
                            BsonDocument.class);
                    total += stats.getNumber("size").longValue();
                }
            }
        }
        return total;
    }
}
