package io.c2csync.controlplane.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.c2csync.controlplane.sync.ClusterAdmin;
import io.c2csync.controlplane.sync.ClusterFacts;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.UniqueIndexConversion;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ClusterAdmin} over the MongoDB Java driver's admin commands. */
public final class MongoClusterAdmin implements ClusterAdmin, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MongoClusterAdmin.class);
    private static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);

    private final MongoClient client;
    private final MongoDatabase admin;
    private final String displayAddress;

    MongoClusterAdmin(MongoClient client, String displayAddress) {
        this.client = client;
        this.admin = client.getDatabase("admin");
        this.displayAddress = displayAddress;
    }

    public static MongoClusterAdmin connect(String uri) {
        return connect(uri, SERVER_SELECTION_TIMEOUT);
    }

    /** @param serverSelectionTimeout how long a command waits for a reachable server before failing */
    public static MongoClusterAdmin connect(String uri, Duration serverSelectionTimeout) {
        ConnectionString connectionString = ConnectionStrings.parse(uri);
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connectionString)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applicationName("c2c-sync control plane")
                .build();
        log.info("Connecting to {}", ConnectionStrings.mask(uri));
        return new MongoClusterAdmin(MongoClients.create(settings), ConnectionStrings.displayAddress(uri));
    }

    @Override
    public String displayAddress() {
        return displayAddress;
    }

    @Override
    public ClusterFacts inspect() {
        return run("inspecting the cluster", () -> new ClusterFacts(
                ClusterResponses.version(command(new BsonDocument("buildInfo", new BsonInt32(1)))),
                ClusterResponses.isReplicaSet(command(new BsonDocument("hello", new BsonInt32(1)))),
                ClusterResponses.grantedActions(command(new BsonDocument("connectionStatus", new BsonInt32(1))
                        .append("showPrivileges", BsonBoolean.TRUE))),
                ClusterResponses.userDatabaseNames(command(new BsonDocument("listDatabases", new BsonInt32(1))
                        .append("nameOnly", BsonBoolean.TRUE)))));
    }

    @Override
    public void setUserWriteBlocking(boolean enabled) {
        run("setUserWriteBlockMode", () -> command(new BsonDocument("setUserWriteBlockMode", new BsonInt32(1))
                .append("global", BsonBoolean.valueOf(enabled))));
        log.info("User write blocking {} on {}", enabled ? "enabled" : "disabled", displayAddress);
    }

    @Override
    public ClusterTime clusterTime() {
        return run("reading the cluster time",
                () -> ClusterResponses.clusterTime(command(new BsonDocument("ping", new BsonInt32(1)))));
    }

    @Override
    public long pingMillis() {
        return run("ping", () -> {
            long started = System.nanoTime();
            command(new BsonDocument("ping", new BsonInt32(1)));
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        });
    }

    @Override
    public UniqueIndexConversion convertRecordedUniqueIndexes() {
        return run("making the recorded unique indexes unique", () -> new UniqueIndexConverter(client).convertRecorded());
    }

    @Override
    public void close() {
        client.close();
    }

    private BsonDocument command(BsonDocument command) {
        return admin.runCommand(command, BsonDocument.class);
    }

    private <T> T run(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw MongoErrors.classify(displayAddress, operation, e);
        }
    }
}
