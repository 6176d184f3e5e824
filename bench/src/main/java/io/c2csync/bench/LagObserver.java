package io.c2csync.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;

/**
 * Tails the destination collection with a change stream on its own thread and turns every change the sync
 * applied into a lag sample (time seen minus time written on the source, one JVM, one clock).
 */
public final class LagObserver implements AutoCloseable {

    private final MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream;
    private final WriteLog log;
    private final List<LagSample> samples = new CopyOnWriteArrayList<>();
    private final AtomicLong unmatched = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    public LagObserver(MongoCollection<Document> destination, WriteLog log) {
        this.stream = destination.watch().batchSize(Dataset.BATCH).maxAwaitTime(50, TimeUnit.MILLISECONDS).cursor();
        this.log = log;
        this.thread = new Thread(this::tail, "lag-observer");
        thread.start();
    }

    private void tail() {
        try {
            while (!closing) {
                ChangeStreamDocument<Document> event = stream.tryNext();
                if (event != null) {
                    record(event, System.nanoTime());
                }
            }
        } catch (RuntimeException e) {
            if (!closing) {
                failure = e;
            }
        }
    }

    private void record(ChangeStreamDocument<Document> event, long seenNanos) {
        WriteLog.Stamp stamp = log.seen(key(event));
        if (stamp == null) {
            unmatched.incrementAndGet();
            return;
        }
        samples.add(new LagSample(stamp.run(), stamp.secondsIntoRun(), (seenNanos - stamp.nanos()) / 1e6));
    }

    private static String key(ChangeStreamDocument<Document> event) {
        if (event.getOperationType() == OperationType.DELETE) {
            return "d" + event.getDocumentKey().get("_id").asNumber().intValue();
        }
        if (event.getFullDocument() != null && event.getFullDocument().get("v") != null) {
            return "v" + ((Number) event.getFullDocument().get("v")).longValue();
        }
        if (event.getUpdateDescription() != null && event.getUpdateDescription().getUpdatedFields() != null) {
            BsonDocument updated = event.getUpdateDescription().getUpdatedFields();
            BsonValue version = updated.get("v");
            if (version != null) {
                return "v" + version.asNumber().longValue();
            }
        }
        return "unknown " + event.getOperationTypeString();
    }

    /** Throws the observer's own failure, if its change stream broke. */
    public void ensureHealthy() {
        if (failure != null) {
            throw new IllegalStateException("The destination change stream failed", failure);
        }
    }

    public List<LagSample> samplesOf(int run) {
        return samples.stream().filter(sample -> sample.run() == run).toList();
    }

    /** Destination changes that match no write of the writer (e.g. a replay); reported, never hidden. */
    public long unmatched() {
        return unmatched.get();
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the lag observer", e);
        }
        stream.close();
    }
}
