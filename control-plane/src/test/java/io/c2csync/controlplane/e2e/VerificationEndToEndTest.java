package io.c2csync.controlplane.e2e;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.c2csync.controlplane.cli.SyncService;
import io.c2csync.controlplane.connect.ClusterSecrets;
import io.c2csync.controlplane.faults.SyncApiClient;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.verify.EmbeddedVerification;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
import io.c2csync.runtime.EmbeddedRuntime;
import io.c2csync.runtime.EmbeddedRuntimeExtension;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded verifier in a real sync: two emulated replica sets with authentication, the embedded runtime, the
 * API over HTTP. A document planted on the destination by a user that bypasses write blocking is what a faulty
 * pipeline would leave behind.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class VerificationEndToEndTest {
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final String SYNC_USER = "c2c:c2c-secret";
    private static final int USER_WRITES_BLOCKED = 371;
    private static final int ORDERS = 300;
    /** Short, so that the test sees passes beside the sync after the first one. */
    private static final EmbeddedVerification.Settings VERIFIER = new EmbeddedVerification.Settings(Duration.ofSeconds(2), Duration.ofSeconds(1), 20);

    private final List<EmulatedReplicaSet> clusters = new ArrayList<>();
    private final List<MongoClient> appClients = new ArrayList<>();
    private final List<MongoClient> syncClients = new ArrayList<>();

    @TempDir
    Path workDir;

    @BeforeEach
    void startClusters() {
        for (String name : List.of("rs0", "rs1")) {
            EmulatedReplicaSet cluster = EmulatedReplicaSet.start(
                    EmulatorOptions.defaults().withReplicaSetName(name).withAuth(SYNC_USER));
            clusters.add(cluster);
            MongoClient sync = MongoClients.create(cluster.connectionString());
            syncClients.add(sync);
            sync.getDatabase("admin").runCommand(new Document("createUser", "app").append("pwd", "app-secret")
                    .append("roles", List.of(new Document("role", "readWriteAnyDatabase").append("db", "admin"))));
            appClients.add(MongoClients.create("mongodb://app:app-secret@" + cluster.host() + ":" + cluster.port()
                    + "/?replicaSet=" + cluster.replicaSetName() + "&authSource=admin"));
        }
        MongoCollection<Document> orders = appCollection(0, "orders");
        for (int i = 0; i < ORDERS; i++) {
            orders.insertOne(new Document("_id", i).append("customer", "c" + (i % 17)).append("total", i * 3));
        }
        MongoCollection<Document> users = appCollection(0, "users");
        users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email_1"));
        users.insertMany(List.of(new Document("_id", 1).append("email", "a@example.com"),
                new Document("_id", 2).append("email", "b@example.com")));
    }

    @AfterEach
    void stopClusters() {
        appClients.forEach(MongoClient::close);
        syncClients.forEach(MongoClient::close);
        clusters.forEach(EmulatedReplicaSet::close);
    }

    @Test
    void aPlantedDocumentStopsTheCommitUntilItIsRemovedThenTheUniqueIndexIsUniqueAgain(EmbeddedRuntime runtime) {
        try (SyncService service = start(runtime, "verify-planted")) {
            SyncApiClient api = new SyncApiClient(service.apiUri());
            assertThat(api.post("start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\","
                    + "\"reversible\":true,\"enableUserWriteBlocking\":true}").path("success").asBoolean()).isTrue();

            List<JsonNode> seen = new ArrayList<>();
            awaitProgress(api, "a pass beside the sync after the first", progress -> {
                seen.add(progress.path("verification").path("source"));
                return progress.path("canCommit").asBoolean()
                        && progress.at("/verification/source/phase").asText().equals("stream hashing");
            });
            assertThat(seen).extracting(side -> side.path("phase").asText()).contains("stream hashing")
                    .containsAnyOf("not started", "initial hashing");
            // a pass that ended shows its totals; one that just began shows counters from 0
            awaitProgress(api, "a pass's totals", progress -> {
                JsonNode source = progress.path("verification").path("source");
                return source.path("scannedCollectionCount").asInt() == 2
                        && source.path("totalCollectionCount").asInt() == 2
                        && source.path("estimatedDocumentCount").asLong() == ORDERS + 2
                        && source.path("hashedDocumentCount").asLong() == ORDERS + 2;
            });
            assertThat(uniqueFlag(1)).as("the sink builds the unique index non-unique during the sync").isEmpty();

            syncCollection(1, "orders").insertOne(new Document("_id", "planted").append("customer", "nobody"));
            assertThat(api.post("commit", "{}").path("success").asBoolean()).isTrue();
            await("the commit stopped by the final check", STEP).until(() -> api.progress().path("warnings").toString()
                    .contains("VerificationFailed"));

            JsonNode stopped = api.progress();
            assertThat(stopped.path("state").asText()).isEqualTo("COMMITTING");
            assertThat(stopped.path("canWrite").asBoolean()).isFalse();
            assertThat(stopped.path("warnings").get(0).asText()).contains("Commit step 6/8 stopped with "
                    + "VerificationFailed: the destination differs from the source", "shop.orders",
                    "EXTRA_DOCUMENT shop.orders _id \"planted\"");
            assertThat(stopped.path("warnings").toString()).contains("EXTRA_DOCUMENT shop.orders _id \\\"planted\\\"");
            assertThat(stopped.at("/verification/destination/phase").asText()).isEqualTo("done");
            MongoServerException refused = catchThrowableOfType(MongoServerException.class,
                    () -> appCollection(1, "orders").insertOne(new Document("_id", "app-write")));
            assertThat(refused.getCode()).isEqualTo(USER_WRITES_BLOCKED);
            assertThat(uniqueFlag(1)).contains(true);

            syncCollection(1, "orders").deleteOne(Filters.eq("_id", "planted"));
            assertThat(api.post("commit", "{}").path("success").asBoolean()).isTrue();
            await("COMMITTED after the check ran again", STEP).until(() -> api.progress().path("state").asText()
                    .equals("COMMITTED"));
            assertThat(api.progress().path("canWrite").asBoolean()).isTrue();
            assertThat(api.progress().path("warnings").isMissingNode()).isTrue();
            appCollection(1, "orders").insertOne(new Document("_id", "app-write"));
            assertThat(uniqueFlag(1)).contains(true);
        }
    }

    @Test
    void verificationTurnedOffAtStartLetsTheCommitThroughAndReportsNothing(EmbeddedRuntime runtime) {
        try (SyncService service = start(runtime, "verify-off")) {
            SyncApiClient api = new SyncApiClient(service.apiUri());
            assertThat(api.post("start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\","
                    + "\"enableUserWriteBlocking\":true,\"verification\":{\"enabled\":false}}")
                    .path("success").asBoolean()).isTrue();
            awaitProgress(api, "canCommit", progress -> progress.path("canCommit").asBoolean());
            assertThat(api.progress().path("verification").isNull()).isTrue();

            syncCollection(1, "orders").insertOne(new Document("_id", "planted"));
            assertThat(api.post("commit", "{}").path("success").asBoolean()).isTrue();
            awaitProgress(api, "COMMITTED", progress -> progress.path("state").asText().equals("COMMITTED"));
            assertThat(appCollection(1, "orders").countDocuments()).isEqualTo(ORDERS + 1);
            assertThat(uniqueFlag(1)).contains(true);
        }
    }

    private SyncService start(EmbeddedRuntime runtime, String id) {
        ClusterSecrets secrets = ClusterSecrets.writeFile(workDir.resolve("clusters.properties"), Map.of(
                ClusterName.CLUSTER0, clusters.get(0).connectionString(),
                ClusterName.CLUSTER1, clusters.get(1).connectionString()));
        return SyncService.start(new SyncService.Settings(clusters.get(0).connectionString(),
                clusters.get(1).connectionString(), new InetSocketAddress("127.0.0.1", 0), id,
                workDir.resolve("sync-state.json"), runtime.connectClient(), secrets, VERIFIER), Clock.systemUTC());
    }

    private static void awaitProgress(SyncApiClient api, String what, Predicate<JsonNode> condition) {
        await(what, STEP)
                .guardedBy(() -> assertThat(api.progress().path("warnings").toString()).doesNotContain("FAILED"))
                .until(() -> condition.test(api.progress()));
    }

    /** The {@code unique} flag of {@code shop.users}' {@code email_1} index on one cluster; empty when unset. */
    private Optional<Boolean> uniqueFlag(int cluster) {
        return appCollection(cluster, "users").listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> index.getString("name").equals("email_1")).findFirst()
                .map(index -> index.getBoolean("unique"));
    }

    private MongoCollection<Document> appCollection(int cluster, String name) {
        return appClients.get(cluster).getDatabase("shop").getCollection(name);
    }

    /** As the sync's user, which bypasses user write blocking. */
    private MongoCollection<Document> syncCollection(int cluster, String name) {
        return syncClients.get(cluster).getDatabase("shop").getCollection(name);
    }
}
