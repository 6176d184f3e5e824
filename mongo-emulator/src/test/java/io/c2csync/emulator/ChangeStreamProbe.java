package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;

import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;

/** Reads raw change events the way mongo-kafka does: tryNext on a change-stream cursor of documents. */
final class ChangeStreamProbe implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final MongoChangeStreamCursor<?> cursor;

    private ChangeStreamProbe(MongoChangeStreamCursor<?> cursor) {
        this.cursor = cursor;
    }

    static ChangeStreamProbe open(ChangeStreamIterable<?> stream) {
        return open(stream, Document.class);
    }

    /** A probe whose events keep their exact bytes (read them with {@link #nextRaw}). */
    static ChangeStreamProbe openRaw(ChangeStreamIterable<?> stream) {
        return open(stream, RawBsonDocument.class);
    }

    private static ChangeStreamProbe open(ChangeStreamIterable<?> stream, Class<?> eventClass) {
        return new ChangeStreamProbe((MongoChangeStreamCursor<?>) stream
            .maxAwaitTime(100, TimeUnit.MILLISECONDS)
            .withDocumentClass(eventClass)
            .cursor());
    }

    /** The next {@code count} events, waiting for them up to a generous deadline. */
    List<Document> next(int count) {
        return next(count, Document.class);
    }

    RawBsonDocument nextRaw() {
        return next(1, RawBsonDocument.class).get(0);
    }

    private <T> List<T> next(int count, Class<T> eventClass) {
        List<T> events = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (events.size() < count && System.nanoTime() < deadline) {
            Object event = cursor.tryNext();
            if (event != null) {
                events.add(eventClass.cast(event));
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
