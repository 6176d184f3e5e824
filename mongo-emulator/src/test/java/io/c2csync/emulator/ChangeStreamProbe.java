package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.Document;

import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;

/** Reads raw change events the way mongo-kafka does: tryNext on a change-stream cursor of documents. */
final class ChangeStreamProbe implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final MongoChangeStreamCursor<Document> cursor;

    private ChangeStreamProbe(MongoChangeStreamCursor<Document> cursor) {
        this.cursor = cursor;
    }

    @SuppressWarnings("unchecked")
    static ChangeStreamProbe open(ChangeStreamIterable<Document> stream) {
        return new ChangeStreamProbe((MongoChangeStreamCursor<Document>) stream
            .maxAwaitTime(100, TimeUnit.MILLISECONDS)
            .withDocumentClass(Document.class)
            .cursor());
    }

    /** The next {@code count} events, waiting for them up to a generous deadline. */
    List<Document> next(int count) {
        List<Document> events = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (events.size() < count && System.nanoTime() < deadline) {
            Document event = cursor.tryNext();
            if (event != null) {
                events.add(event);
            }
        }
        assertThat(events).as("change events received before the deadline").hasSize(count);
        return events;
    }

    Document next() {
        return next(1).get(0);
    }

    /** Asserts that the stream has nothing more after a few empty getMores. */
    void assertNoMore() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(cursor.tryNext()).as("unexpected change event").isNull();
        }
    }

    BsonDocument resumeToken() {
        return cursor.getResumeToken();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
