package io.c2csync.controlplane.verify;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCursor;
import io.c2csync.controlplane.verify.VerificationProgress.Counters;
import io.c2csync.controlplane.verify.VerificationProgress.Side;
import java.util.Locale;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * One side's documents of a collection in {@code _id} order, one at a time. Fails when the server's order is not
 * {@link BsonSortOrder}'s, since a merge of two streams in different orders would report false differences.
 */
final class OrderedDocuments implements AutoCloseable {

    private final MongoNamespace namespace;
    private final String side;
    private final MongoCursor<RawBsonDocument> cursor;
    private final Counters counters;
    private final VerificationProgress progress;
    private RawBsonDocument current;
    private BsonValue currentId;
    private long count;

    OrderedDocuments(MongoNamespace namespace, Side side, MongoCursor<RawBsonDocument> cursor, VerificationProgress progress) {
        this.namespace = namespace;
        this.side = side.name().toLowerCase(Locale.ROOT);
        this.cursor = cursor;
        this.counters = progress.counters(side);
        this.progress = progress;
        advance();
    }

    boolean hasCurrent() {
        return current != null;
    }

    RawBsonDocument current() {
        return current;
    }

    BsonValue currentId() {
        return currentId;
    }

    long count() {
        return count;
    }

    void advance() {
        progress.stopIfCancelled();
        if (!cursor.hasNext()) {
            current = null;
            currentId = null;
            return;
        }
        RawBsonDocument next = cursor.next();
        BsonValue nextId = next.get("_id");
        if (nextId == null) {
            throw new VerificationException("a document on the " + side + " in " + namespace.getFullName()
                    + " has no _id, so it cannot be matched with the other side");
        }
        if (currentId != null && BsonSortOrder.INSTANCE.compare(currentId, nextId) >= 0) {
            throw new VerificationException("the " + side + " returned " + namespace.getFullName() + " _id "
                    + Difference.json(nextId) + " after _id " + Difference.json(currentId)
                    + ": not in MongoDB's _id order, so the two sides cannot be merged");
        }
        current = next;
        currentId = nextId;
        count++;
        counters.documentHashed();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
