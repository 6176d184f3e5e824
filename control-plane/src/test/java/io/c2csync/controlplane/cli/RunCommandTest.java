package io.c2csync.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.persist.FileSyncStateStore;
import io.c2csync.controlplane.sync.ClusterAddresses;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.emulator.EmulatedClusters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code c2c-sync --cluster0 ... --connect-url ...}: the default command, up to the API and back down. */
class RunCommandTest {
    private static final Pattern READY = Pattern.compile("c2c-sync ready: API (http://127\\.0\\.0\\.1:\\d+/api/v1/)");

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @TempDir
    Path workDir;

    @Test
    void servesTheApiUntilStoppedAndKeepsItsStateUnderTheWorkDir() throws Exception {
        try (BackgroundCommand run = new BackgroundCommand(C2cSyncCommand.withDefaultCommand(new String[] {
            "--cluster0", CLUSTERS.get(0).connectionString(), "--cluster1", CLUSTERS.get(1).connectionString(),
            "--port", "0", "--connect-url", "http://127.0.0.1:9", "--work-dir", workDir.toString(), "--id", "cli"}))) {
            URI api = URI.create(run.awaitOutput(READY, Duration.ofSeconds(60)).group(1));
            HttpResponse<String> progress = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(api.resolve("progress")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(progress.body()).contains("\"state\":\"IDLE\"");

            run.stop(Duration.ofSeconds(30));
        }
    }

    /**
     * The embedded Connect worker has just joined its group when {@code run} prints the ready line; a
     * {@code /start} sent at once (no retry here) must be accepted, not answered with ConnectUnavailable.
     */
    @Test
    void acceptsStartSentTheMomentTheEmbeddedRuntimeIsReady() throws Exception {
        Set<Long> processesBefore = BackgroundCommand.descendants();
        try (BackgroundCommand run = new BackgroundCommand(C2cSyncCommand.withDefaultCommand(new String[] {
            "--cluster0", CLUSTERS.get(0).connectionString(), "--cluster1", CLUSTERS.get(1).connectionString(),
            "--port", "0", "--work-dir", workDir.toString(), "--id", "first-start"}))) {
            URI api = URI.create(run.awaitOutput(READY, Duration.ofSeconds(180)).group(1));

            HttpResponse<String> start = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve("start"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"cluster0\",\"destination\":\"cluster1\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
            assertThat(start.body()).isEqualTo("{\"success\":true}");
            run.stop(Duration.ofSeconds(60));
        }
        assertThat(BackgroundCommand.descendants()).as("the embedded runtime's processes, once stopped")
                .isSubsetOf(processesBefore);
    }

    @Test
    void refusesAPersistedSyncBetweenOtherClusters() {
        new FileSyncStateStore(workDir.resolve("cli").resolve("sync-state.json")).save(SyncRecord.started(
                new ClusterAddresses("elsewhere:1", "elsewhere:2"),
                SyncSpec.defaults(new Direction(ClusterName.CLUSTER0, ClusterName.CLUSTER1)), List.of()));
        StringWriter err = new StringWriter();

        int exit = command(new StringWriter(), err).execute(C2cSyncCommand.withDefaultCommand(new String[] {
            "--cluster0", CLUSTERS.get(0).connectionString(), "--cluster1", CLUSTERS.get(1).connectionString(),
            "--port", "0", "--connect-url", "http://127.0.0.1:9", "--work-dir", workDir.toString(), "--id", "cli"}));

        assertThat(exit).isEqualTo(C2cSyncCommand.EXIT_FAILURE);
        assertThat(err.toString()).contains("elsewhere:1").contains("refusing to start");
    }

    @Test
    void refusesSwappedClustersBeforeStartingTheEmbeddedRuntime() {
        String cluster0 = CLUSTERS.get(0).connectionString();
        String cluster1 = CLUSTERS.get(1).connectionString();
        new FileSyncStateStore(workDir.resolve("cli").resolve("sync-state.json")).save(SyncRecord.started(
                new ClusterAddresses(hosts(cluster0), hosts(cluster1)),
                SyncSpec.defaults(new Direction(ClusterName.CLUSTER0, ClusterName.CLUSTER1)), List.of()));
        StringWriter err = new StringWriter();

        int exit = command(new StringWriter(), err).execute(C2cSyncCommand.withDefaultCommand(new String[] {
            "--cluster0", cluster1, "--cluster1", cluster0, "--port", "0", "--work-dir", workDir.toString(),
            "--id", "cli"}));

        assertThat(exit).isEqualTo(C2cSyncCommand.EXIT_FAILURE);
        assertThat(err.toString()).contains("refusing to start");
        assertThat(workDir.resolve("cli").resolve("runtime")).doesNotExist();
    }

    private static String hosts(String connectionString) {
        return new com.mongodb.ConnectionString(connectionString).getHosts().get(0);
    }

    private static CommandLine command(StringWriter out, StringWriter err) {
        return C2cSyncCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }
}
