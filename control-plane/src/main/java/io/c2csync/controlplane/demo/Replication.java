package io.c2csync.controlplane.demo;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.c2csync.runtime.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;

/** What the demo checks on the clusters themselves: a collection's documents arrived, a write is refused. */
final class Replication {
    /** {@code UserWritesBlocked}: what MongoDB answers a user without bypass on a write-blocked cluster. */
    static final int USER_WRITES_BLOCKED = 371;

    private Replication() {
    }

    /** Waits until {@code to} holds exactly the documents of {@code from}. */
    static void awaitSame(MongoCollection<Document> from, MongoCollection<Document> to, Duration timeout) {
        Await.await(to.getNamespace() + " to hold the same documents as on the other cluster", timeout)
                .until(() -> documents(from).equals(documents(to)));
    }

    /** Tries {@code write} and returns the server's refusal; fails if the write was accepted or refused otherwise. */
    static MongoServerException refusedWithUserWritesBlocked(String what, Runnable write) {
        try {
            write.run();
        } catch (MongoServerException e) {
            if (e.getCode() != USER_WRITES_BLOCKED) {
                throw new IllegalStateException(what + " was refused with code " + e.getCode() + " instead of "
                        + USER_WRITES_BLOCKED + " (UserWritesBlocked): " + e.getMessage(), e);
            }
            return e;
        }
        throw new IllegalStateException(what + " was accepted, but the cluster should refuse application writes");
    }

    private static List<BsonDocument> documents(MongoCollection<Document> collection) {
        return collection.withDocumentClass(BsonDocument.class).find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }
}
