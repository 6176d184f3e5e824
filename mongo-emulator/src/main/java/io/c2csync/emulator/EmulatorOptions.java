package io.c2csync.emulator;

import java.util.Objects;
import java.util.Optional;

/**
 * How to start one emulated replica set.
 *
 * @param port            TCP port to listen on; 0 picks a free port
 * @param replicaSetName  the replica-set name reported by {@code hello} and expected in {@code ?replicaSet=}
 * @param host            the host name the server binds to and reports as its member name
 * @param auth            {@code user:password} of the first root user; empty runs without authorization
 * @param historyLimits   how much change history (the emulated oplog) is retained
 * @param standalone      present itself as a standalone server ({@code hello} without {@code setName}), as
 *                        a misconfigured cluster would; its connection string names no replica set
 * @param serverVersion   the version {@code buildInfo} reports, e.g. an older one to test version checks
 */
public record EmulatorOptions(int port, String replicaSetName, String host, Optional<String> auth,
                              HistoryLimits historyLimits, boolean standalone, String serverVersion) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_REPLICA_SET = "rs0";

    public EmulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        requireText(replicaSetName, "replicaSetName");
        requireText(host, "host");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(historyLimits, "historyLimits");
        auth.ifPresent(EmulatorOptions::requireUserAndPassword);
        ReplicaSetIdentity.requireKnownVersion(serverVersion);
    }

    /** A free port on 127.0.0.1, replica set {@code rs0}, no authorization, default history. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions(0, DEFAULT_REPLICA_SET, DEFAULT_HOST, Optional.empty(), HistoryLimits.defaults(),
            false, ReplicaSetIdentity.VERSION);
    }

    public EmulatorOptions withPort(int newPort) {
        return new EmulatorOptions(newPort, replicaSetName, host, auth, historyLimits, standalone, serverVersion);
    }

    public EmulatorOptions withReplicaSetName(String newName) {
        return new EmulatorOptions(port, newName, host, auth, historyLimits, standalone, serverVersion);
    }

    public EmulatorOptions withHost(String newHost) {
        return new EmulatorOptions(port, replicaSetName, newHost, auth, historyLimits, standalone, serverVersion);
    }

    public EmulatorOptions withAuth(String userColonPassword) {
        return new EmulatorOptions(port, replicaSetName, host, Optional.of(userColonPassword), historyLimits, standalone,
            serverVersion);
    }

    public EmulatorOptions withHistoryLimits(HistoryLimits newLimits) {
        return new EmulatorOptions(port, replicaSetName, host, auth, newLimits, standalone, serverVersion);
    }

    /** A standalone server instead of a replica set: {@code hello} without {@code setName}. */
    public EmulatorOptions asStandalone() {
        return new EmulatorOptions(port, replicaSetName, host, auth, historyLimits, true, serverVersion);
    }

    /** Reports {@code version} (4.4, 5.0, 6.0 or 7.0, e.g. {@code "5.0.24"}) in {@code buildInfo} and the wire version. */
    public EmulatorOptions withServerVersion(String version) {
        return new EmulatorOptions(port, replicaSetName, host, auth, historyLimits, standalone, version);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireUserAndPassword(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        if (colon <= 0 || colon == userColonPassword.length() - 1) {
            throw new IllegalArgumentException("auth must be 'user:password', got '" + userColonPassword.replaceAll(":.*", ":***") + "'");
        }
    }

    /**
     * Bounds of the retained change history: the oldest events are dropped once either limit is exceeded.
     *
     * @param maxEvents number of change events kept
     * @param maxBytes  approximate BSON bytes of the documents kept in those events
     */
    public record HistoryLimits(int maxEvents, long maxBytes) {

        public HistoryLimits {
            if (maxEvents < 1) {
                throw new IllegalArgumentException("maxEvents must be at least 1, got " + maxEvents);
            }
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
            }
        }

        public static HistoryLimits defaults() {
            return new HistoryLimits(1_000_000, 256L * 1024 * 1024);
        }
    }
}
