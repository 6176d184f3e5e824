package io.c2csync.controlplane.cli;

import io.c2csync.connect.ConnectClient;
import io.c2csync.controlplane.api.ApiToken;
import io.c2csync.controlplane.connect.ClusterSecrets;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.verify.EmbeddedVerification;
import io.c2csync.runtime.ChildProcessException;
import io.c2csync.runtime.EmbeddedRuntime;
import io.c2csync.runtime.RuntimeConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code run} starts: the embedded Kafka broker and Connect worker (unless a Connect cluster
 * is given) and the sync service over them. Closing it stops both; the connectors keep their offsets.
 */
final class RunningSync implements AutoCloseable {
    private final SyncService service;
    private final EmbeddedRuntime runtime;

    private RunningSync(SyncService service, EmbeddedRuntime runtime) {
        this.service = service;
        this.runtime = runtime;
    }

    static RunningSync start(RunSettings.Resolved run) {
        return start(run, ApiToken.NONE);
    }

    static RunningSync start(RunSettings.Resolved run, ApiToken token) {
        Path syncDir = run.workDir().resolve(run.id());
        SyncService.requirePersistedClusters(stateFile(syncDir), run.cluster0(), run.cluster1());
        EmbeddedRuntime runtime = run.connectUrl() == null
                ? EmbeddedRuntime.start(RuntimeConfig.defaults(syncDir.resolve("runtime")).durableData())
                : null;
        try {
            return new RunningSync(startService(run, token, syncDir, runtime), runtime);
        } catch (RuntimeException e) {
            if (runtime != null) {
                runtime.close();
            }
            throw e;
        }
    }

    /** {@code http://host:port/api/v1/} */
    URI apiUri() {
        return service.apiUri();
    }

    /**
     * Completes when the embedded runtime gave up restarting its broker or worker; never with a Connect
     * cluster of the user's.
     */
    CompletableFuture<ChildProcessException> runtimeGaveUp() {
        return runtime == null ? new CompletableFuture<>() : runtime.gaveUp();
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            if (runtime != null) {
                runtime.close();
            }
        }
    }

    private static SyncService startService(RunSettings.Resolved run, ApiToken token, Path syncDir,
            EmbeddedRuntime runtime) {
        ConnectClient connect;
        ClusterSecrets secrets;
        if (runtime != null) {
            connect = runtime.connectClient();
            secrets = ClusterSecrets.writeFile(syncDir.resolve("secrets").resolve("clusters.properties"),
                    Map.of(ClusterName.CLUSTER0, run.cluster0(), ClusterName.CLUSTER1, run.cluster1()));
        } else {
            connect = new ConnectClient(run.connectUrl());
            secrets = ClusterSecrets.fromWorkerEnvironment();
        }
        return SyncService.start(new SyncService.Settings(run.cluster0(), run.cluster1(),
                new InetSocketAddress(run.bind(), run.port()), run.id(), stateFile(syncDir),
                connect, secrets, EmbeddedVerification.Settings.defaults(), token, run.databaseGroups()),
                Clock.systemUTC(), runtime == null ? List::of : runtime::warnings);
    }

    private static Path stateFile(Path syncDir) {
        return syncDir.resolve("sync-state.json");
    }
}
