package io.c2csync.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.c2csync.emulator.EmulatedClusters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code c2c-sync verify} run in-process against two emulated clusters. */
class VerifyCommandTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void equalClustersExitZeroWithASummary() {
        for (int cluster = 0; cluster < 2; cluster++) {
            CLUSTERS.client(cluster).getDatabase("cliEqual").getCollection("c").insertOne(new Document("_id", 1).append("a", "x"));
        }

        int exitCode = verify("--include", "{\"database\": \"cliEqual\"}");

        assertThat(exitCode).as("stderr: %s", err).isEqualTo(VerifyCommand.EXIT_EQUAL);
        assertThat(out.toString()).isEqualTo("destination cluster1 (" + hosts(1) + ") equals source cluster0 (" + hosts(0)
                + "): 1 namespaces, 1 documents compared." + System.lineSeparator());
    }

    @Test
    void differentClustersExitOneWithCountsPerNamespaceAndTheFirstDifferences() {
        MongoClient source = CLUSTERS.client(0);
        MongoClient destination = CLUSTERS.client(1);
        source.getDatabase("cliDiff").getCollection("orders").insertMany(List.of(new Document("_id", 1), new Document("_id", 2),
                new Document("_id", 3).append("qty", 5)));
        destination.getDatabase("cliDiff").getCollection("orders").insertMany(List.of(new Document("_id", 1),
                new Document("_id", 3).append("qty", 6)));

        int exitCode = verify("--include", "{\"database\": \"cliDiff\"}", "--max-differences", "1");

        assertThat(exitCode).as("stderr: %s", err).isEqualTo(VerifyCommand.EXIT_DIFFERENT);
        assertThat(out.toString())
                .contains("destination cluster1 (" + hosts(1) + ") differs from source cluster0 (" + hosts(0)
                        + "): 2 differences in 1 of 1 namespaces.")
                .containsPattern("cliDiff\\.orders +3 +2 +2 +2")
                .contains("First 1 of 2 differences:", "  MISSING_DOCUMENT cliDiff.orders _id 2: on the source only")
                .doesNotContain("_id 3");
    }

    @Test
    void aBadFilterExitsTwoNamingTheProblem() {
        int exitCode = verify("--include", "{\"database\": \"a\", \"colections\": [\"b\"]}");

        assertThat(exitCode).isEqualTo(VerifyCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("bad include filter", "unknown field \"colections\"");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnreachableClusterExitsTwoWithoutShowingItsPassword() throws IOException {
        String unreachable = "mongodb://admin:s3cr%40t@127.0.0.1:" + closedPort() + "/?serverSelectionTimeoutMS=300";

        int exitCode = execute("verify", "--cluster0", CLUSTERS.source().connectionString(),
                "--cluster1", unreachable);

        assertThat(exitCode).isEqualTo(VerifyCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("cluster1 (127.0.0.1:").contains("cannot be read")
                .doesNotContain("s3cr").doesNotContain("s3cr@t");
    }

    @Test
    void missingClusterOptionIsAUsageErrorWithExitTwo() {
        int exitCode = execute("verify", "--cluster0", CLUSTERS.source().connectionString());

        assertThat(exitCode).isEqualTo(VerifyCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("Missing required option: '--cluster1=URI'");
    }

    private int verify(String... options) {
        List<String> args = new ArrayList<>(List.of("verify", "--cluster0", CLUSTERS.source().connectionString(),
                "--cluster1", CLUSTERS.destination().connectionString()));
        args.addAll(List.of(options));
        return execute(args.toArray(String[]::new));
    }

    private int execute(String... args) {
        return C2cSyncCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    private static String hosts(int cluster) {
        return CLUSTERS.get(cluster).host() + ":" + CLUSTERS.get(cluster).port();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
