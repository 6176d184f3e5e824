package io.c2csync.pipeline;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import io.c2csync.runtime.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;

/** Small deterministic workloads on the source. */
final class Workloads {

    /** MongoDB answers writes to a database whose drop is under way with this; the write is repeated. */
    private static final int DATABASE_DROP_PENDING = 215;

    private Workloads() {
    }

    /**
     * What the source answered when it refused {@code write}, or null when it accepted it: for the paths
     * a source (mongo-emulator) cannot take, so a test can skip exactly that path and say why.
     */
    static RuntimeException refusal(Runnable write) {
        try {
            write.run();
            return null;
        } catch (MongoException | org.bson.BsonInvalidOperationException e) {
            return e;
        }
    }

    /** Inserts {@code {_id: i, n: i, k: i % 7 ...}} for i in [from, to). */
    static void insertNumbered(MongoCollection<Document> collection, int from, int to) {
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < to; i++) {
            documents.add(numbered(i));
        }
        collection.insertMany(documents);
    }

    static Document numbered(int i) {
        return new Document("_id", i).append("n", i).append("k", "key-" + i).append("text", "x".repeat(64 + i % 64));
    }

    /** Inserts numbered documents on a thread of its own until stopped or {@code limit} is reached. */
    static final class Writer implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger written = new AtomicInteger();
        private final CompletableFuture<Void> done;

        private Writer(MongoCollection<Document> collection, int limit) {
            done = CompletableFuture.runAsync(() -> {
                while (running.get() && written.get() < limit) {
                    insertRepeatingDuringDrop(collection, numbered(written.get()));
                    written.incrementAndGet();
                }
            });
        }

        static Writer start(MongoCollection<Document> collection, int limit) {
            return new Writer(collection, limit);
        }

        void awaitWritten(int count) {
            Await.await(count + " documents written", Duration.ofSeconds(60))
                    .guardedBy(this::failIfFailed)
                    .until(() -> written.get() >= count);
        }

        /** Stops the writer and rethrows what failed it. */
        void stop() {
            running.set(false);
            try {
                done.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("The writer failed", e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("The writer did not stop within 60 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping the writer", e);
            }
        }

        private void failIfFailed() {
            if (done.isCompletedExceptionally()) {
                stop();
            }
        }

        @Override
        public void close() {
            stop();
        }

        private static void insertRepeatingDuringDrop(MongoCollection<Document> collection, Document document) {
            while (true) {
                try {
                    collection.insertOne(document);
                    return;
                } catch (MongoException e) {
                    if (e.getCode() != DATABASE_DROP_PENDING) {
                        throw e;
                    }
                }
            }
        }
    }
}
