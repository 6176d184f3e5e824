package io.c2csync.controlplane.signals;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.c2csync.controlplane.mongo.MongoErrors;
import io.c2csync.controlplane.sync.ClusterName;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The control plane's own driver clients of both clusters, for markers and sizes. Their user holds
 * {@code bypassWriteBlockingMode}, so markers are written while user writes are blocked.
 */
public record ClusterClients(MongoClient cluster0, MongoClient cluster1) implements AutoCloseable {
    /** As the admin connections': progress and heartbeats say a cluster is unreachable after 5 s, not the driver's 30. */
    private static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);

    public ClusterClients {
        Objects.requireNonNull(cluster0, "cluster0");
        Objects.requireNonNull(cluster1, "cluster1");
    }

    public static ClusterClients connect(String cluster0Uri, String cluster1Uri) {
        MongoClient cluster0 = client(cluster0Uri);
        try {
            return new ClusterClients(cluster0, client(cluster1Uri));
        } catch (RuntimeException e) {
            cluster0.close();
            throw e;
        }
    }

    /** Runs {@code operation} on one cluster; driver failures become the control plane's errors. */
    public <T> T on(ClusterName name, String operation, Function<MongoClient, T> action) {
        try {
            return action.apply(client(name));
        } catch (MongoException e) {
            throw MongoErrors.classify(name.apiName(), operation, e);
        }
    }

    /** The client of one cluster as it is, e.g. for a long read that handles the driver's errors itself. */
    public MongoClient client(ClusterName name) {
        return name == ClusterName.CLUSTER0 ? cluster0 : cluster1;
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applicationName("c2c-sync markers")
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        SERVER_SELECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .build());
    }

    @Override
    public void close() {
        cluster0.close();
        cluster1.close();
    }
}
