package io.c2csync.controlplane.hardening;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.c2csync.controlplane.faults.ControlPlaneProcess;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.verify.NamespaceFilter;
import io.c2csync.controlplane.verify.VerificationProgress;
import io.c2csync.controlplane.verify.VerificationResult;
import io.c2csync.controlplane.verify.Verifier;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
import io.c2csync.runtime.LoopbackPorts;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real run — {@code c2c-sync run} as a child JVM with its embedded Kafka and Connect, two
 * emulated replica sets with authentication, {@code --logPath} and {@code --api-token-file} —
 * walked through IDLE, RUNNING, PAUSED, COMMITTED and back to RUNNING by a reverse. In each state
 * the bad calls get the contract's error and change neither the state nor the data; racing starts,
 * commits and reverses each happen once. At the end the password of the clusters' user is looked
 * for in everything the run wrote or shows: it is nowhere but the secrets file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealRunHardeningTest {
    /** The groups of one pair, each a source and a sink: the source's database {@code shop} and {@code other}. */
    private static final int PAIR_CONNECTORS = 4;
    private static final Duration STEP = Duration.ofSeconds(180);
    private static final String PASSWORD = "Pw-hard-7c41e9";
    private static final String TOKEN = "api-token-5e0d";
    private static final int RACERS = 3;

    @TempDir
    static Path dir;

    private final List<EmulatedReplicaSet> clusters = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();
    private ControlPlaneProcess run;
    private HttpCalls api;
    private Path workDir;
    private Path logPath;
    private Path console;

    /** The run starts first (its embedded runtime takes longest) and finds the clusters once they are up. */
    @BeforeAll
    void startTheRun() throws IOException {
        List<EmulatorOptions> options = new ArrayList<>();
        for (String name : List.of("hard0", "hard1")) {
            options.add(EmulatorOptions.defaults().withReplicaSetName(name).withAuth("c2c:" + PASSWORD)
                    .withPort(LoopbackPorts.free()));
        }
        workDir = dir.resolve("work");
        logPath = dir.resolve("logs");
        console = dir.resolve("console.log");
        Path tokenFile = Files.writeString(dir.resolve("api-token"), TOKEN + "\n");
        run = ControlPlaneProcess.start(console, List.of("--cluster0", uri(options.get(0)), "--cluster1",
                uri(options.get(1)), "--port", "0", "--work-dir", workDir.toString(), "--id", "hard",
                "--logPath", logPath.toString(), "--api-token-file", tokenFile.toString()));
        for (EmulatorOptions cluster : options) {
            clusters.add(EmulatedReplicaSet.start(cluster));
            clients.add(MongoClients.create(uri(cluster)));
        }
        MongoCollection<Document> orders = orders(0);
        for (int i = 0; i < 40; i++) {
            orders.insertOne(new Document("_id", i).append("total", i));
        }
        api = new HttpCalls(run.awaitApi(STEP), TOKEN);
    }

    private static String uri(EmulatorOptions cluster) {
        return "mongodb://c2c:" + PASSWORD + "@" + cluster.host() + ":" + cluster.port() + "/?replicaSet="
                + cluster.replicaSetName() + "&authSource=admin";
    }

    @AfterAll
    void stopTheRun() throws InterruptedException {
        if (run != null) {
            run.close();
        }
        clients.forEach(MongoClient::close);
        clusters.forEach(EmulatedReplicaSet::close);
    }

    @Test
    @Order(1)
    void withoutTheTokenNothingAnswers() {
        HttpCalls stranger = api.withToken(null);
        for (String path : List.of("/api/v1/progress", "/metrics", "/", "/page/status")) {
            ContractErrors.assertError(stranger.send("GET", path, Map.of(), null), 401, "Unauthorized");
        }
        ContractErrors.assertError(stranger.post("start", BadCalls.VALID_START), 401, "Unauthorized");
        assertThat(api.progress().path("state").asText()).isEqualTo("IDLE");
    }

    @TestFactory
    @Order(2)
    Stream<DynamicNode> badCallsInIdle() {
        List<List<BadCall>> groups = new ArrayList<>(BadCalls.inAnyState());
        groups.add(BadCalls.wrongState(SyncState.IDLE));
        groups.add(BadCalls.invalidOptions());
        return groups(SyncState.IDLE, groups, this::nothingDeployedAndDestinationEmpty);
    }

    @Test
    @Order(3)
    void racingStartsStartOnce() throws Exception {
        String reversibleStart = "{\"source\":\"cluster0\",\"destination\":\"cluster1\",\"reversible\":true,"
                + "\"enableUserWriteBlocking\":true}";
        // a Connect worker that has just started may still rebalance: start answers ConnectUnavailable then
        await("Connect ready for a start", STEP).until(() -> connect("/connectors").json().isArray()
                && api.progress().path("state").asText().equals("IDLE"));

        Racers.assertOneWon(Racers.race(RACERS, () -> api.post("start", reversibleStart)), "start");

        assertThat(connect("/connectors").json()).hasSize(PAIR_CONNECTORS);
        awaitEqual();
    }

    @TestFactory
    @Order(4)
    Stream<DynamicNode> badCallsInRunning() {
        List<List<BadCall>> groups = new ArrayList<>(BadCalls.inAnyState());
        groups.add(BadCalls.wrongState(SyncState.RUNNING));
        return groups(SyncState.RUNNING, groups, this::dataUnchanged);
    }

    @Test
    @Order(5)
    void pause() {
        ContractErrors.assertSuccess(api.post("pause", "{}"));
        assertThat(api.progress().path("state").asText()).isEqualTo("PAUSED");
    }

    @TestFactory
    @Order(6)
    Stream<DynamicNode> badCallsInPaused() {
        return groups(SyncState.PAUSED, List.of(BadCalls.wrongState(SyncState.PAUSED), BadCalls.wrongContentTypes()),
                this::dataUnchanged);
    }

    @Test
    @Order(7)
    void racingCommitsCommitOnce() throws Exception {
        ContractErrors.assertSuccess(api.post("resume", "{}"));
        orders(0).insertOne(new Document("_id", "after-resume"));
        orders(0).updateOne(Filters.eq("_id", 1), Updates.set("status", "changed"));
        orders(0).deleteOne(Filters.eq("_id", 2));
        awaitEqual();
        awaitProgress("canCommit", p -> p.path("canCommit").asBoolean());

        Racers.assertOneWon(Racers.race(RACERS, () -> api.post("commit", "{}")), "commit");

        awaitProgress("COMMITTED", p -> p.path("state").asText().equals("COMMITTED"));
        assertThat(api.progress().path("canWrite").asBoolean()).isTrue();
    }

    @TestFactory
    @Order(8)
    Stream<DynamicNode> badCallsInCommitted() {
        return groups(SyncState.COMMITTED, List.of(BadCalls.wrongState(SyncState.COMMITTED), BadCalls.unknownFields()),
                this::dataUnchanged);
    }

    @Test
    @Order(9)
    void racingReversesReverseOnce() throws Exception {
        Racers.assertOneWon(Racers.race(RACERS, () -> api.post("reverse", "{}")), "reverse");

        awaitProgress("RUNNING in reverse", p -> p.path("state").asText().equals("RUNNING")
                && p.path("directionMapping").path("Source").asText().startsWith("cluster1: "));
        assertThat(connect("/connectors").json()).hasSize(PAIR_CONNECTORS);
        orders(1).insertOne(new Document("_id", "after-reverse"));
        awaitEqual();
    }

    @Test
    @Order(10)
    void thePasswordIsNowhereButTheSecretsFile() throws IOException {
        Path secretsFile = workDir.resolve("hard").resolve("secrets").resolve("clusters.properties");
        assertThat(Files.getPosixFilePermissions(secretsFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new SecretScan(PASSWORD).file(secretsFile).foundIn()).as("the scan finds what is there").hasSize(1);
        assertThat(Files.readString(logPath.resolve("c2c-sync.log"))).contains("Commit step 3/8");

        SecretScan scan = new SecretScan(PASSWORD).files(logPath).file(console);
        try (Stream<Path> files = Files.walk(workDir)) {
            files.filter(Files::isRegularFile).filter(file -> !file.equals(secretsFile)).forEach(scan::file);
        }
        scan.text("/api/v1/progress", api.send("GET", "/api/v1/progress", Map.of(), null).body())
                .text("/page/status", api.send("GET", "/page/status", Map.of(), null).body())
                .text("/metrics", api.send("GET", "/metrics", Map.of(), null).body())
                .text("GET /connectors?expand=status&expand=info",
                        connect("/connectors?expand=status&expand=info").body());
        JsonNode connectors = connect("/connectors").json();
        assertThat(connectors).isNotEmpty();
        for (JsonNode name : connectors) {
            for (String what : List.of("config", "status", "tasks")) {
                String path = "/connectors/" + name.asText() + "/" + what;
                scan.text("Connect GET " + path, connect(path).body());
            }
        }

        assertThat(scan.filesScanned()).isGreaterThan(10);
        assertThat(scan.foundIn()).isEmpty();
    }

    private Stream<DynamicNode> groups(SyncState state, List<List<BadCall>> groups, Runnable dataCheck) {
        return groups.stream().filter(group -> !group.isEmpty()).map(group -> dynamicContainer(
                state + ": " + group.get(0).group(), Stream.concat(
                        group.stream().map(call -> dynamicTest(call.displayName(),
                                () -> ContractErrors.assertAnswered(api, call))),
                        Stream.of(dynamicTest("still " + state + ", data unchanged", () -> {
                            assertThat(api.progress().path("state").asText()).isEqualTo(state.name());
                            dataCheck.run();
                        })))));
    }

    private void nothingDeployedAndDestinationEmpty() {
        assertThat(connect("/connectors").json()).isEmpty();
        assertThat(clients.get(1).listDatabaseNames().into(new ArrayList<>())).doesNotContain("shop");
        assertThat(orders(0).countDocuments()).isEqualTo(40);
    }

    /** Source and destination hold the same documents, and none was added or removed by a refused call. */
    private void dataUnchanged() {
        long before = orders(0).countDocuments();
        awaitEqual();
        assertThat(orders(0).countDocuments()).isEqualTo(before);
        assertThat(connect("/connectors").json()).hasSize(PAIR_CONNECTORS);
    }

    private void awaitEqual() {
        await("the destination equal to the source", STEP).until(() -> {
            VerificationResult result = new Verifier(clients.get(0), clients.get(1), NamespaceFilter.all(), 5,
                    new VerificationProgress()).verify();
            return result.equal() && result.comparedDocuments() > 0;
        });
    }

    private void awaitProgress(String what, Predicate<JsonNode> condition) {
        await(what, STEP).until(() -> condition.test(api.progress()));
    }

    private HttpCalls.Reply connect(String path) {
        Properties identity = new Properties();
        Path file = workDir.resolve("hard").resolve("runtime").resolve("data").resolve("runtime-identity.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            identity.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded runtime's ports in " + file, e);
        }
        URI connect = URI.create("http://127.0.0.1:" + identity.getProperty("connect.port") + "/");
        HttpCalls.Reply reply = new HttpCalls(connect.resolve("/api/v1/"), null).send("GET", path, Map.of(), null);
        assertThat(reply.status()).as("Connect GET %s: %s", path, reply.body()).isEqualTo(200);
        return reply;
    }

    private MongoCollection<Document> orders(int cluster) {
        return clients.get(cluster).getDatabase("shop").getCollection("orders");
    }
}
