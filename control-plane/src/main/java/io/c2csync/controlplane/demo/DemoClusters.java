package io.c2csync.controlplane.demo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.c2csync.controlplane.mongo.ConnectionStrings;
import io.c2csync.controlplane.mongo.DatabaseUsers;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's two emulated replica sets, cluster0 ({@code rs0}) and cluster1 ({@code rs1}), with
 * authorization on and the two users of a real migration: the sync user (root, so it holds
 * {@code setUserWriteBlockMode} and {@code bypassWriteBlockingMode}) and an application user
 * ({@code readWriteAnyDatabase}, without bypass, so write blocking stops it).
 */
public final class DemoClusters implements AutoCloseable {
    public static final String SYNC_USER = "c2c";
    public static final String SYNC_PASSWORD = "c2c-demo";
    public static final String APP_USER = "app";
    public static final String APP_PASSWORD = "app-demo";

    private final List<EmulatedReplicaSet> clusters;
    private final List<MongoClient> applications;

    private DemoClusters(List<EmulatedReplicaSet> clusters, List<MongoClient> applications) {
        this.clusters = clusters;
        this.applications = applications;
    }

    public static DemoClusters start() {
        List<EmulatedReplicaSet> clusters = new ArrayList<>();
        List<MongoClient> applications = new ArrayList<>();
        DemoClusters started = new DemoClusters(clusters, applications);
        try {
            for (String replicaSet : List.of("rs0", "rs1")) {
                EmulatedReplicaSet cluster = EmulatedReplicaSet.start(EmulatorOptions.defaults()
                        .withReplicaSetName(replicaSet).withAuth(SYNC_USER + ":" + SYNC_PASSWORD));
                clusters.add(cluster);
                try (MongoClient root = MongoClients.create(cluster.connectionString())) {
                    DatabaseUsers.create(root, APP_USER, APP_PASSWORD, "readWriteAnyDatabase");
                }
                applications.add(MongoClients.create(applicationUri(cluster)));
            }
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** The sync user's connection string of cluster {@code index}: what {@code --cluster0/--cluster1} get. */
    public String syncUri(int index) {
        return clusters.get(index).connectionString();
    }

    /** The application user's connection string of cluster {@code index}. */
    public String applicationUri(int index) {
        return applicationUri(clusters.get(index));
    }

    /** A client of cluster {@code index} logged in as the application user. */
    public MongoClient application(int index) {
        return applications.get(index);
    }

    /** The connection string with the password masked, for printing. */
    public static String masked(String uri) {
        return ConnectionStrings.mask(uri);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable part : parts()) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("stopping the demo's clusters failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        applications.clear();
        clusters.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private List<AutoCloseable> parts() {
        List<AutoCloseable> parts = new ArrayList<>(applications);
        parts.addAll(clusters);
        return parts;
    }

    private static String applicationUri(EmulatedReplicaSet cluster) {
        return "mongodb://" + APP_USER + ":" + APP_PASSWORD + "@" + cluster.host() + ":" + cluster.port()
                + "/?replicaSet=" + cluster.replicaSetName() + "&authSource=admin";
    }
}
