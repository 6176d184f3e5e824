package io.c2csync.controlplane.faults;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.c2csync.controlplane.mongo.DatabaseUsers;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Two emulated replica sets (cluster0, cluster1) with authentication on, as in production: the sync's user
 * ({@code root}, which holds {@code bypassWriteBlockingMode}) and an application user ({@code readWriteAnyDatabase}),
 * whose writes a write-blocked cluster refuses with 371. Clients of both users for each cluster.
 */
public final class FaultClusters implements AutoCloseable {
    public static final String SYNC_USER = "c2c";
    public static final String APP_USER = "app";
    private static final String SYNC_PASSWORD = "sync-pw-41";
    private static final String APP_PASSWORD = "app-pw-17";

    private final List<EmulatorOptions> options = new ArrayList<>();
    private final List<EmulatedReplicaSet> replicaSets = new ArrayList<>();
    private final List<MongoClient> syncClients = new ArrayList<>();
    private final List<MongoClient> appClients = new ArrayList<>();

    private FaultClusters() {
    }

    public static FaultClusters start() {
        return start(UnaryOperator.identity());
    }

    /** {@code customize} adjusts each cluster's options (e.g. its history limits) before it starts. */
    public static FaultClusters start(UnaryOperator<EmulatorOptions> customize) {
        FaultClusters clusters = new FaultClusters();
        try {
            for (String name : List.of("fault0", "fault1")) {
                EmulatorOptions cluster = customize.apply(EmulatorOptions.defaults().withReplicaSetName(name)
                        .withAuth(SYNC_USER + ":" + SYNC_PASSWORD));
                clusters.options.add(cluster);
                EmulatedReplicaSet replicaSet = EmulatedReplicaSet.start(cluster);
                clusters.replicaSets.add(replicaSet);
                MongoClient sync = client(replicaSet.connectionString());
                clusters.syncClients.add(sync);
                DatabaseUsers.create(sync, APP_USER, APP_PASSWORD, "readWriteAnyDatabase");
                clusters.appClients.add(client(clusters.appUri(clusters.appClients.size())));
            }
            return clusters;
        } catch (RuntimeException e) {
            clusters.close();
            throw e;
        }
    }

    /** The sync user's connection string: what {@code --cluster0} / {@code --cluster1} get. */
    public String syncUri(int index) {
        return replicaSets.get(index).connectionString();
    }

    public String appUri(int index) {
        EmulatedReplicaSet replicaSet = replicaSets.get(index);
        return "mongodb://" + APP_USER + ":" + APP_PASSWORD + "@" + replicaSet.host() + ":" + replicaSet.port()
                + "/?replicaSet=" + replicaSet.replicaSetName() + "&authSource=admin";
    }

    /** A client of the sync's user: bypasses write blocking; for seeding, fail points and the verifier. */
    public MongoClient sync(int index) {
        return syncClients.get(index);
    }

    /** A client of the application user: refused with 371 while the cluster blocks user writes. */
    public MongoClient app(int index) {
        return appClients.get(index);
    }

    public EmulatedReplicaSet replicaSet(int index) {
        return replicaSets.get(index);
    }

    /** The options cluster {@code index} was started with (its port included), e.g. to start it again. */
    public EmulatorOptions options(int index) {
        return options.get(index).withPort(replicaSets.get(index).port());
    }

    /** The fail point of cluster {@code index} (one per cluster, as the emulator has one). */
    public FailCommand failCommand(int index) {
        return new FailCommand(syncClients.get(index));
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    @Override
    public void close() {
        appClients.forEach(MongoClient::close);
        syncClients.forEach(MongoClient::close);
        replicaSets.forEach(EmulatedReplicaSet::close);
    }
}
