package io.c2csync.controlplane.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.c2csync.connect.ConnectClient;
import io.c2csync.controlplane.cli.SyncService;
import io.c2csync.controlplane.connect.ClusterSecrets;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
import io.c2csync.controlplane.verify.EmbeddedVerification;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control plane over real (emulated) clusters that are wrong for a sync: each is refused at
 * {@code /start}, over HTTP, with the contract's error and a description naming the cluster and
 * what to fix; the sync stays IDLE. Connect is never reached: every check comes before the deploy
 * (had one been skipped, the start would fail on the unreachable Connect with another error).
 */
class BadConfigurationTest {
    private static final String ROOT = "c2c:root-pw";
    private static final String REVERSIBLE_START = "{\"source\":\"cluster0\",\"destination\":\"cluster1\","
            + "\"reversible\":true,\"enableUserWriteBlocking\":true}";
    private static final List<EmulatedReplicaSet> clusters = new ArrayList<>();
    private static EmulatedReplicaSet source;
    private static EmulatedReplicaSet destination;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startClusters() {
        source = start(EmulatorOptions.defaults().withReplicaSetName("src").withAuth(ROOT));
        destination = start(EmulatorOptions.defaults().withReplicaSetName("dst").withAuth(ROOT));
        try (MongoClient root = MongoClients.create(destination.connectionString())) {
            root.getDatabase("admin").runCommand(new Document("createUser", "reader").append("pwd", "reader-pw")
                    .append("roles", List.of(new Document("role", "readAnyDatabase").append("db", "admin"))));
        }
    }

    @AfterAll
    static void stopClusters() {
        clusters.forEach(EmulatedReplicaSet::close);
    }

    @Test
    void anUnreachableClusterIsNamedWithItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String description = refusedStart("mongodb://127.0.0.1:" + closedPort + "/?replicaSet=gone",
                BadCalls.VALID_START, 503, "ClusterUnreachable");

        assertThat(description).contains("cluster1", "127.0.0.1:" + closedPort, "cannot reach");
    }

    @Test
    void aWrongPasswordSaysAuthenticationFailed() {
        String description = refusedStart(userUri(destination, "c2c", "not-the-password"), BadCalls.VALID_START,
                403, "InsufficientPrivileges");

        assertThat(description).contains("cluster1", "authentication failed", "user and password")
                .doesNotContain("not-the-password");
    }

    @Test
    void aUserWithoutPrivilegesIsToldWhichActionsItLacks() {
        String description = refusedStart(userUri(destination, "reader", "reader-pw"), BadCalls.VALID_START, 403,
                "InsufficientPrivileges");

        assertThat(description).contains("cluster1", "lacks the privilege actions", "insert", "dropCollection");
    }

    @Test
    void aStandaloneServerIsNotAReplicaSet() {
        EmulatedReplicaSet standalone = start(EmulatorOptions.defaults().asStandalone());

        String description = refusedStart(standalone.connectionString(), BadCalls.VALID_START, 400, "InvalidRequest");

        assertThat(description).contains("cluster1", "is not a replica set");
    }

    @Test
    void reversibleOnAServerOlderThanSixIsRefusedNamingTheVersions() {
        EmulatedReplicaSet old = start(EmulatorOptions.defaults().withReplicaSetName("old").withServerVersion("5.0.24"));

        String description = refusedStart(old.connectionString(), REVERSIBLE_START, 400, "UnsupportedServerVersion");

        assertThat(description).contains("cluster1", "5.0", "6.0");
    }

    /** Serves a control plane with {@code cluster1Uri} as the destination, asks it to start, and returns the refusal. */
    private String refusedStart(String cluster1Uri, String startBody, int status, String error) {
        try (SyncService service = SyncService.start(new SyncService.Settings(source.connectionString(), cluster1Uri,
                new InetSocketAddress("127.0.0.1", 0), "bad-config", workDir.resolve("sync-state.json"),
                new ConnectClient(URI.create("http://127.0.0.1:9")), ClusterSecrets.fromWorkerEnvironment(),
                EmbeddedVerification.Settings.defaults()),
                Clock.systemUTC())) {
            HttpCalls api = new HttpCalls(service.apiUri(), null);
            String description = ContractErrors.assertError(api.post("start", startBody), status, error);
            assertThat(api.progress().path("state").asText()).isEqualTo("IDLE");
            assertThat(workDir.resolve("sync-state.json")).doesNotExist();
            return description;
        }
    }

    private static EmulatedReplicaSet start(EmulatorOptions options) {
        EmulatedReplicaSet cluster = EmulatedReplicaSet.start(options);
        clusters.add(cluster);
        return cluster;
    }

    private static String userUri(EmulatedReplicaSet cluster, String user, String password) {
        return "mongodb://" + user + ":" + password + "@" + cluster.host() + ":" + cluster.port() + "/?replicaSet="
                + cluster.replicaSetName() + "&authSource=admin";
    }
}
