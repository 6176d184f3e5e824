package io.c2csync.controlplane.signals;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import io.c2csync.controlplane.mongo.MongoErrors;
import io.c2csync.controlplane.sync.ClusterName;
import java.util.Objects;
import java.util.function.Function;

/**
 * The control plane's own driver clients of both clusters, for markers and sizes. Their user holds
 * {@code bypassWriteBlockingMode}, so markers are written while user writes are blocked.
 */
public record ClusterClients(MongoClient cluster0, MongoClient cluster1) implements AutoCloseable {
    public ClusterClients {
        Objects.requireNonNull(cluster0, "cluster0");
        Objects.requireNonNull(cluster1, "cluster1");
    }

    /** Runs {@code operation} on one cluster; driver failures become the control plane's errors. */
    public <T> T on(ClusterName name, String operation, Function<MongoClient, T> action) {
        try {
            return action.apply(name == ClusterName.CLUSTER0 ? cluster0 : cluster1);
        } catch (MongoException e) {
            throw MongoErrors.classify(name.apiName(), operation, e);
        }
    }

    @Override
    public void close() {
        cluster0.close();
        cluster1.close();
    }
}
