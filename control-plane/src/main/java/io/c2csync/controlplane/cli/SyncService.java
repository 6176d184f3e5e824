package io.c2csync.controlplane.cli;

import io.c2csync.connect.ConnectClient;
import io.c2csync.controlplane.ControlPlane;
import io.c2csync.controlplane.ControlPlaneOptions;
import io.c2csync.controlplane.api.ApiToken;
import io.c2csync.controlplane.connect.ClusterSecrets;
import io.c2csync.controlplane.connect.ConnectPipeline;
import io.c2csync.controlplane.connect.PairTopics;
import io.c2csync.controlplane.connect.SyncGroups;
import io.c2csync.controlplane.mongo.ConnectionStrings;
import io.c2csync.controlplane.mongo.MongoClusterAdmin;
import io.c2csync.controlplane.persist.FileSyncStateStore;
import io.c2csync.controlplane.signals.AppliedHeartbeats;
import io.c2csync.controlplane.signals.ClusterClients;
import io.c2csync.controlplane.signals.CommitMarkers;
import io.c2csync.controlplane.signals.HeartbeatWriter;
import io.c2csync.controlplane.signals.MarkerProgressSignals;
import io.c2csync.controlplane.signals.PersistedSync;
import io.c2csync.controlplane.sync.ClusterAddresses;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.verify.EmbeddedVerification;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A control plane driving the real pipeline: the API and coordinator over both clusters and a
 * Connect cluster, with the heartbeat writer beside them. Closing it stops all of that; the
 * connectors keep running on Connect.
 */
public final class SyncService implements AutoCloseable {
    private final List<AutoCloseable> parts;
    private final ControlPlane controlPlane;

    private SyncService(List<AutoCloseable> parts, ControlPlane controlPlane) {
        this.parts = parts;
        this.controlPlane = controlPlane;
    }

    /**
     * @param stateFile the persisted sync
     * @param connect where the connectors run
     * @param secrets how those connectors find the connection strings
     * @param verification how often the embedded verifier compares beside the sync
     * @param apiToken what every API request must present, or {@link ApiToken#NONE}
     * @param databaseGroups at most this many databases get a sync group of their own ({@code SyncGroups})
     */
    public record Settings(String cluster0Uri, String cluster1Uri, InetSocketAddress bind, String id, Path stateFile,
            ConnectClient connect, ClusterSecrets secrets, EmbeddedVerification.Settings verification,
            ApiToken apiToken, int databaseGroups) {
        public Settings {
            Objects.requireNonNull(cluster0Uri, "cluster0Uri");
            Objects.requireNonNull(cluster1Uri, "cluster1Uri");
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(stateFile, "stateFile");
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(secrets, "secrets");
            Objects.requireNonNull(verification, "verification");
            Objects.requireNonNull(apiToken, "apiToken");
            SyncGroups.requireDatabaseGroups(databaseGroups);
        }

        /** With the default number of database groups. */
        public Settings(String cluster0Uri, String cluster1Uri, InetSocketAddress bind, String id, Path stateFile,
                ConnectClient connect, ClusterSecrets secrets, EmbeddedVerification.Settings verification,
                ApiToken apiToken) {
            this(cluster0Uri, cluster1Uri, bind, id, stateFile, connect, secrets, verification, apiToken,
                    SyncGroups.MAX_DATABASE_GROUPS);
        }

        /** Without an API token. */
        public Settings(String cluster0Uri, String cluster1Uri, InetSocketAddress bind, String id, Path stateFile,
                ConnectClient connect, ClusterSecrets secrets, EmbeddedVerification.Settings verification) {
            this(cluster0Uri, cluster1Uri, bind, id, stateFile, connect, secrets, verification, ApiToken.NONE);
        }
    }

    public static SyncService start(Settings settings, Clock clock) {
        return start(settings, clock, List::of);
    }

    /** @param connectHostWarnings problems of the Connect cluster's host, e.g. the embedded runtime's */
    public static SyncService start(Settings settings, Clock clock, Supplier<List<String>> connectHostWarnings) {
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            MongoClusterAdmin admin0 = MongoClusterAdmin.connect(settings.cluster0Uri());
            parts.add(admin0);
            MongoClusterAdmin admin1 = MongoClusterAdmin.connect(settings.cluster1Uri());
            parts.add(admin1);
            ClusterClients clients = ClusterClients.connect(settings.cluster0Uri(), settings.cluster1Uri());
            parts.add(clients);
            PersistedSync sync = new PersistedSync(new FileSyncStateStore(settings.stateFile()));
            PairTopics topics = new PairTopics(settings.id(), sync::current, settings.databaseGroups());
            ConnectPipeline pipeline = new ConnectPipeline(settings.connect(), topics, settings.secrets(),
                    new CommitMarkers(sync, clients, topics, clock), connectHostWarnings);
            HeartbeatWriter heartbeats = new HeartbeatWriter(sync, clients, topics, clock);
            parts.add(0, heartbeats);
            Clusters clusters = new Clusters(admin0, admin1);
            EmbeddedVerification verification = new EmbeddedVerification(sync, clients, clusters,
                    new AppliedHeartbeats(clients, topics), settings.verification(), clock);
            parts.add(0, verification);
            ControlPlane controlPlane = ControlPlane.start(
                    ControlPlaneOptions.of(settings.bind(), settings.stateFile(), settings.id())
                            .withApiToken(settings.apiToken()),
                    clusters, pipeline,
                    new MarkerProgressSignals(clients, topics, verification), verification, clock);
            parts.add(0, controlPlane);
            heartbeats.start();
            verification.start();
            return new SyncService(parts, controlPlane);
        } catch (RuntimeException e) {
            closeAll(parts, e);
            throw e;
        }
    }

    /**
     * Refuses, before anything starts, clusters other than those of the sync persisted in
     * {@code stateFile} (a swap of source and destination).
     */
    public static void requirePersistedClusters(Path stateFile, String cluster0Uri, String cluster1Uri) {
        new FileSyncStateStore(stateFile).load().ifPresent(persisted -> persisted.clusters().requireSame(
                new ClusterAddresses(ConnectionStrings.displayAddress(cluster0Uri),
                        ConnectionStrings.displayAddress(cluster1Uri))));
    }

    /** {@code http://host:port/api/v1/} */
    public URI apiUri() {
        return controlPlane.apiUri();
    }

    @Override
    public void close() {
        closeAll(parts, null);
    }

    private static void closeAll(List<AutoCloseable> parts, RuntimeException failure) {
        RuntimeException first = failure;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                if (first == null) {
                    first = wrapped;
                } else {
                    first.addSuppressed(wrapped);
                }
            }
        }
        if (failure == null && first != null) {
            throw first;
        }
    }
}
