package io.c2csync.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.c2csync.emulator.EmulatedReplicaSet;

/** The two emulated replica sets of a run, in the bench JVM, with one driver client each. */
public final class Clusters implements AutoCloseable {

    private final EmulatedReplicaSet source;
    private final EmulatedReplicaSet destination;
    private final MongoClient sourceClient;
    private final MongoClient destinationClient;

    private Clusters(EmulatedReplicaSet source, EmulatedReplicaSet destination) {
        this.source = source;
        this.destination = destination;
        this.sourceClient = MongoClients.create(source.connectionString());
        this.destinationClient = MongoClients.create(destination.connectionString());
    }

    public static Clusters start() {
        EmulatedReplicaSet source = EmulatedReplicaSet.startOnFreePort("bench0");
        try {
            return new Clusters(source, EmulatedReplicaSet.startOnFreePort("bench1"));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    public EmulatedReplicaSet source() {
        return source;
    }

    public EmulatedReplicaSet destination() {
        return destination;
    }

    public MongoClient sourceClient() {
        return sourceClient;
    }

    public MongoClient destinationClient() {
        return destinationClient;
    }

    /** Drops {@code databases} on the destination, so the next method copies into an empty cluster. */
    public void clearDestination(Iterable<String> databases) {
        databases.forEach(database -> destinationClient.getDatabase(database).drop());
    }

    @Override
    public void close() {
        sourceClient.close();
        destinationClient.close();
        source.close();
        destination.close();
    }
}
