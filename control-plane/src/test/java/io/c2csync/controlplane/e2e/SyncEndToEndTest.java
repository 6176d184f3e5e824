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
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.c2csync.connect.ConnectClient;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product on one machine: two emulated replica sets with authentication, the embedded
 * Kafka broker and Connect worker, the control plane over real HTTP driving the real connectors.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class SyncEndToEndTest {
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final String SYNC_USER = "c2c:c2c-secret";
    private static final int USER_WRITES_BLOCKED = 371;

    private static final List<EmulatedReplicaSet> clusters = new ArrayList<>();
    private static final List<MongoClient> clients = new ArrayList<>();

    @TempDir
    Path workDir;

    @BeforeAll
    static void startClusters() {
        for (String name : List.of("rs0", "rs1")) {
            EmulatedReplicaSet cluster = EmulatedReplicaSet.start(
                    EmulatorOptions.defaults().withReplicaSetName(name).withAuth(SYNC_USER));
            clusters.add(cluster);
            try (MongoClient root = MongoClients.create(cluster.connectionString())) {
                root.getDatabase("admin").runCommand(new Document("createUser", "app").append("pwd", "app-secret")
                        .append("roles", List.of(new Document("role", "readWriteAnyDatabase").append("db", "admin"))));
            }
            clients.add(MongoClients.create(appUri(cluster)));
        }
    }

    @AfterAll
    static void stopClusters() {
        clients.forEach(MongoClient::close);
        clusters.forEach(EmulatedReplicaSet::close);
    }

    @Test
    void startCopyCommitReverseAndAgainThroughTheApi(EmbeddedRuntime runtime) throws Exception {
        MongoCollection<Document> orders0 = orders(0);
        MongoCollection<Document> orders1 = orders(1);
        seed(orders0);

        Path secretsFile = workDir.resolve("clusters.properties");
        ClusterSecrets secrets = ClusterSecrets.writeFile(secretsFile, Map.of(
                ClusterName.CLUSTER0, clusters.get(0).connectionString(),
                ClusterName.CLUSTER1, clusters.get(1).connectionString()));
        assertThat(Files.getPosixFilePermissions(secretsFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (SyncService service = SyncService.start(new SyncService.Settings(clusters.get(0).connectionString(),
                clusters.get(1).connectionString(), new InetSocketAddress("127.0.0.1", 0), "e2e",
                workDir.resolve("sync-state.json"), runtime.connectClient(), secrets,
                EmbeddedVerification.Settings.defaults()), Clock.systemUTC())) {
            SyncApiClient api = new SyncApiClient(service.apiUri());

            assertThat(api.post("start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\","
                    + "\"reversible\":true,\"enableUserWriteBlocking\":true}").path("success").asBoolean()).isTrue();
            assertConnectorConfigsHideSecrets(runtime.connectClient());

            awaitProgress(api, "canCommit after the copy", p -> p.path("canCommit").asBoolean());
            JsonNode copied = api.progress();
            assertThat(copied.path("collectionCopy").path("estimatedCopiedBytes").asLong())
                    .isEqualTo(copied.path("collectionCopy").path("estimatedTotalBytes").asLong()).isPositive();
            assertThat(copied.path("info").asText()).isEqualTo("change event application");
            assertThat(orders1.listIndexes().map(i -> i.getString("name")).into(new ArrayList<>()))
                    .contains("customer_1");

            orders0.insertOne(new Document("_id", 1000).append("customer", "live").append("total", 1));
            orders0.updateOne(Filters.eq("_id", 1), Updates.set("status", "shipped"));
            orders0.deleteOne(Filters.eq("_id", 2));
            await("live writes on cluster1", STEP).until(() -> sameDocuments(orders0, orders1));
            assertThat(api.progress().path("totalEventsApplied").asLong()).isPositive();
            MongoCollection<Document> late0 = clients.get(0).getDatabase("createdAfterStart").getCollection("c");
            MongoCollection<Document> late1 = clients.get(1).getDatabase("createdAfterStart").getCollection("c");
            late0.insertOne(new Document("_id", 1).append("in", "a database created after the start"));
            await("a database created after the start on cluster1", STEP).until(() -> sameDocuments(late0, late1));

            assertThat(api.post("commit", "{}").path("success").asBoolean()).isTrue();
            awaitProgress(api, "COMMITTED", p -> p.path("state").asText().equals("COMMITTED"));
            assertThat(api.progress().path("canWrite").asBoolean()).isTrue();
            MongoServerException refused = catchThrowableOfType(MongoServerException.class,
                    () -> orders0.insertOne(new Document("_id", "refused")));
            assertThat(refused.getCode()).isEqualTo(USER_WRITES_BLOCKED);
            assertThat(sameDocuments(orders0, orders1)).isTrue();

            assertThat(api.post("reverse", "{ }").path("success").asBoolean()).isTrue();
            awaitProgress(api, "RUNNING after reverse", p -> p.path("state").asText().equals("RUNNING"));
            JsonNode mapping = api.progress().path("directionMapping");
            assertThat(mapping.path("Source").asText()).startsWith("cluster1: ");
            assertThat(mapping.path("Destination").asText()).startsWith("cluster0: ");

            orders1.insertOne(new Document("_id", "after-reverse").append("customer", "back"));
            orders1.updateOne(Filters.eq("_id", 3), Updates.inc("total", 5));
            await("the write on cluster1 on cluster0", STEP).until(() -> sameDocuments(orders1, orders0));
            MongoServerException stillRefused = catchThrowableOfType(MongoServerException.class,
                    () -> orders0.insertOne(new Document("_id", "refused")));
            assertThat(stillRefused.getCode()).isEqualTo(USER_WRITES_BLOCKED);

            awaitProgress(api, "canCommit on the reversed pair", p -> p.path("canCommit").asBoolean());
            assertThat(api.post("commit", "{}").path("success").asBoolean()).isTrue();
            awaitProgress(api, "COMMITTED again", p -> p.path("state").asText().equals("COMMITTED"));
            MongoServerException refusedOnCluster1 = catchThrowableOfType(MongoServerException.class,
                    () -> orders1.insertOne(new Document("_id", "refused")));
            assertThat(refusedOnCluster1.getCode()).isEqualTo(USER_WRITES_BLOCKED);
            assertThat(api.post("reverse", "{ }").path("success").asBoolean()).isTrue();
            awaitProgress(api, "RUNNING after the second reverse", p -> p.path("state").asText().equals("RUNNING")
                    && p.path("directionMapping").path("Source").asText().startsWith("cluster0: "));
            orders0.insertOne(new Document("_id", "second-round").append("customer", "again"));
            await("the write on cluster0 on cluster1", STEP).until(() -> sameDocuments(orders0, orders1));
        }
    }

    private static void assertConnectorConfigsHideSecrets(ConnectClient connect) {
        List<String> connectors = connect.connectors();
        // a group per database on the source at the start, and one for databases created later
        assertThat(connectors).containsExactlyInAnyOrder("c2c-sync.e2e-p1.db-shop.source", "c2c-sync.e2e-p1.db-shop.sink",
                "c2c-sync.e2e-p1.other.source", "c2c-sync.e2e-p1.other.sink");
        for (String connector : connectors) {
            String uri = connect.config(connector).get("connection.uri");
            assertThat(uri).startsWith("${file:").doesNotContain("c2c-secret");
        }
    }

    private static void awaitProgress(SyncApiClient api, String what, java.util.function.Predicate<JsonNode> condition) {
        await(what, STEP)
                .guardedBy(() -> assertThat(api.progress().path("warnings").toString()).doesNotContain("FAILED"))
                .until(() -> condition.test(api.progress()));
    }

    private static void seed(MongoCollection<Document> orders) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            documents.add(new Document("_id", i).append("customer", "c" + (i % 17)).append("total", i * 3)
                    .append("price", new Decimal128(i)).append("placed", new Date(1_700_000_000_000L + i))
                    .append("lines", List.of(new Document("sku", "s" + i).append("qty", i % 5)))
                    .append("address", new Document("city", "town" + i).append("zip", i)));
        }
        orders.insertMany(documents);
        orders.createIndex(Indexes.ascending("customer"));
    }

    private static boolean sameDocuments(MongoCollection<Document> a, MongoCollection<Document> b) {
        return all(a).equals(all(b));
    }

    private static List<BsonDocument> all(MongoCollection<Document> collection) {
        return collection.withDocumentClass(BsonDocument.class).find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    private static MongoCollection<Document> orders(int cluster) {
        return clients.get(cluster).getDatabase("shop").getCollection("orders");
    }

    private static String appUri(EmulatedReplicaSet cluster) {
        return "mongodb://app:app-secret@" + cluster.host() + ":" + cluster.port() + "/?replicaSet="
                + cluster.replicaSetName() + "&authSource=admin";
    }
}
