package io.c2csync.bench;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;

/**
 * Watches the destination during a copy and notes when its first document arrived, separating a pipeline's start-up
 * (connectors, tasks, topics, consumer group) from its copy throughput.
 */
final class FirstArrival implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    private final MongoClient destination;
    private final Dataset dataset;
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private volatile long firstNanos = -1;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    FirstArrival(MongoClient destination, Dataset dataset) {
        this.destination = destination;
        this.dataset = dataset;
        this.thread = new Thread(this::watch, "first-arrival");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (!closing && firstNanos < 0) {
                if (anyDocument()) {
                    firstNanos = System.nanoTime();
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private boolean anyDocument() {
        return dataset.databases().stream().anyMatch(database ->
            destination.getDatabase(database).getCollection(Dataset.COLLECTION).estimatedDocumentCount() > 0);
    }

    /**
     * Seconds from the start of the copy to its first document on the destination. Called once the copy is complete:
     * a copy faster than one poll is seen at the watcher's next look.
     */
    double secondsToFirstDocument() {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the first-arrival watch", e);
        }
        if (failure != null) {
            throw new IllegalStateException("Watching the destination for the first document failed", failure);
        }
        if (firstNanos < 0) {
            throw new IllegalStateException("No document of " + dataset.label() + " was seen on the destination");
        }
        return (firstNanos - startNanos) / 1e9;
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the first-arrival watch", e);
        }
    }
}
