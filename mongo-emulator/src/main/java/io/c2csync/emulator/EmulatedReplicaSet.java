package io.c2csync.emulator;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One emulated MongoDB replica set (a single primary) listening on a TCP port. Connect with
 * {@link #connectionString()}, which names the replica set so drivers use sessions and retryable writes.
 */
public final class EmulatedReplicaSet implements AutoCloseable {

    /** Attempts to bind a picked free port, which another process may take between picking and binding. */
    private static final int FREE_PORT_ATTEMPTS = 5;

    private final EmulatorOptions options;
    private final EmulatedBackend backend;
    private final EmulatorServer server;
    private final String connectionString;

    private EmulatedReplicaSet(EmulatorOptions options, int port) {
        this.options = options;
        ClusterClock clock = new ClusterClock(Clock.systemUTC());
        ReplicaSetIdentity identity = new ReplicaSetIdentity(options.host(), port, options, clock.wallClock().instant());
        this.backend = new EmulatedBackend(clock, identity, options);
        this.server = new EmulatorServer(backend, new InetSocketAddress(options.host(), port));
        this.connectionString = "mongodb://" + options.auth().map(EmulatedReplicaSet::credentials).orElse("")
            + identity.member() + "/?" + String.join("&", Stream.of(
                options.standalone() ? null : "replicaSet=" + options.replicaSetName(),
                options.auth().isPresent() ? "authSource=admin" : null).filter(Objects::nonNull).toList());
    }

    /** Starts a replica set as {@code options} say; the caller closes it. */
    public static EmulatedReplicaSet start(EmulatorOptions options) {
        if (options.port() != 0) {
            return new EmulatedReplicaSet(options, options.port());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return new EmulatedReplicaSet(options, FreePorts.pick(options.host()));
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof BindException) || attempt == FREE_PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Starts a replica set on a free port of 127.0.0.1 named {@code replicaSetName}. */
    public static EmulatedReplicaSet startOnFreePort(String replicaSetName) {
        return start(EmulatorOptions.defaults().withReplicaSetName(replicaSetName));
    }

    /** {@code mongodb://[user:password@]host:port/?replicaSet=name[&authSource=admin]}, without the replica set if standalone. */
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

    /**
     * Goes down as a server does: the listening socket and every client connection close, so clients see their
     * connections reset and new ones refused. Data, change history, users and fail points stay; cursors stay
     * open on the server as a dead client's would until it resumes.
     *
     * @throws IllegalStateException if it is not listening
     */
    public void stopListening() {
        server.stopListening();
    }

    /**
     * Comes back on the same host and port with everything it had.
     *
     * @throws IllegalStateException if it is listening already
     * @throws UncheckedIOException  if another process took the port meanwhile
     */
    public void startListening() {
        server.startListening();
    }

    public boolean isListening() {
        return server.listening();
    }

    private static String credentials(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        return encode(userColonPassword.substring(0, colon)) + ":" + encode(userColonPassword.substring(colon + 1)) + "@";
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
        backend.close();
    }
}
