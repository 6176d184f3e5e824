package io.c2csync.emulator;

import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * One emulated MongoDB replica set (a single primary) listening on a TCP port. Connect with
 * {@link #connectionString()}, which names the replica set so drivers use sessions and retryable writes.
 */
public final class EmulatedReplicaSet implements AutoCloseable {

    private final EmulatorOptions options;
    private final EmulatedBackend backend;
    private final EmulatorServer server;
    private final String connectionString;

    private EmulatedReplicaSet(EmulatorOptions options) {
        if (options.auth().isPresent()) {
            throw new UnsupportedOperationException("authentication (--auth) is not implemented by the emulator yet");
        }
        this.options = options;
        ClusterClock clock = new ClusterClock(Clock.systemUTC());
        int port = options.port() == 0 ? FreePorts.pick(options.host()) : options.port();
        ReplicaSetIdentity identity = new ReplicaSetIdentity(options.host(), port, options.replicaSetName(), clock.wallClock().instant());
        this.backend = new EmulatedBackend(clock, identity, options.historyLimits());
        this.server = new EmulatorServer(backend, new InetSocketAddress(options.host(), port));
        this.connectionString = "mongodb://" + identity.member() + "/?replicaSet=" + options.replicaSetName();
    }

    /** Starts a replica set as {@code options} say; the caller closes it. */
    public static EmulatedReplicaSet start(EmulatorOptions options) {
        return new EmulatedReplicaSet(options);
    }

    /** Starts a replica set on a free port of 127.0.0.1 named {@code replicaSetName}. */
    public static EmulatedReplicaSet startOnFreePort(String replicaSetName) {
        return start(EmulatorOptions.defaults().withReplicaSetName(replicaSetName));
    }

    /** {@code mongodb://host:port/?replicaSet=name}. */
    public String connectionString() {
        return connectionString;
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return options.host();
    }

    public String replicaSetName() {
        return options.replicaSetName();
    }

    @Override
    public void close() {
        server.close();
        backend.close();
    }
}
