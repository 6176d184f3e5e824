package io.c2csync.controlplane.faults;

import com.mongodb.client.MongoClient;
import java.util.List;
import org.bson.Document;

/**
 * The emulator's {@code failCommand} fail point of one cluster ({@code configureFailPoint}, as MongoDB's test
 * fail point): the named commands fail with an error code, close the connection or wait first, for every client
 * or only for one application name (the driver's {@code appName}).
 */
public final class FailCommand {
    /** The control plane's admin connection ({@code MongoClusterAdmin}): write blocking, cluster time, unique indexes. */
    public static final String CONTROL_PLANE_APP = "c2c-sync control plane";
    /** The control plane's marker and verifier connection ({@code ClusterClients}). */
    public static final String MARKERS_APP = "c2c-sync markers";
    /** HostUnreachable: the control plane takes it for an unreachable cluster and retries. */
    public static final int HOST_UNREACHABLE = 6;

    private final MongoClient client;

    FailCommand(MongoClient client) {
        this.client = client;
    }

    /** Every call of {@code commands} by {@code appName} fails with {@link #HOST_UNREACHABLE} until {@link #off()}. */
    public void unreachableFor(String appName, String... commands) {
        configure("alwaysOn", new Document("failCommands", List.of(commands)).append("appName", appName)
                .append("errorCode", HOST_UNREACHABLE));
    }

    /** Sets the fail point as given ({@code data} as MongoDB's {@code failCommand} takes it). */
    public void configure(Object mode, Document data) {
        client.getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", mode)
                .append("data", data));
    }

    /** Switches the fail point off; returns how many commands it failed since it was set. */
    public long off() {
        Document reply = client.getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
                .append("mode", "off"));
        return ((Number) reply.get("count")).longValue();
    }
}
