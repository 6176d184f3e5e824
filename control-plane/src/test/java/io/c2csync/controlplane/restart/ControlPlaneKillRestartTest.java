package io.c2csync.controlplane.restart;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.c2csync.controlplane.verify.NamespaceFilter;
import io.c2csync.controlplane.verify.VerificationProgress;
import io.c2csync.controlplane.verify.VerificationResult;
import io.c2csync.controlplane.verify.Verifier;
import io.c2csync.emulator.EmulatedClusters;
import io.c2csync.runtime.BuildOutput;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code c2c-sync run} in embedded mode, killed with -9 and started again with the same flags. The
 * control plane runs as a child JVM on this test's classpath, so the kill is a real SIGKILL: no
 * shutdown hook runs, and its broker and Connect worker see their parent vanish (they exit on the
 * end of their stdin, as in production), exactly as after a crash of the product.
 */
class ControlPlaneKillRestartTest {
    private static final Pattern READY = Pattern.compile("c2c-sync ready: API (http://127\\.0\\.0\\.1:\\d+/api/v1/)");
    private static final Pattern DEPLOYED = Pattern.compile("Deployed connector (\\S+) \\(pair");
    private static final int HOST_UNREACHABLE = 6;
    private static final Duration STEP = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kept after the test (mvn clean removes them), for a failure's post-mortem. */
    private static final Path LOGS = Path.of("target", "kill-restart-logs");

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        for (Process process : started) {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroyForcibly);
            tree.forEach(handle -> handle.onExit().join());
        }
    }

    @Test
    void killedInRunningPausedCommittingCommittedAndReversingComesBackInItsStateWithNothingLost() throws Exception {
        MongoCollection<Document> source = CLUSTERS.client(0).getDatabase("shop").getCollection("orders");
        MongoCollection<Document> destination = CLUSTERS.client(1).getDatabase("shop").getCollection("orders");
        for (int i = 0; i < 50; i++) {
            source.insertOne(new Document("_id", i).append("total", i));
        }

        Process first = startControlPlane();
        URI api = apiOf(first);
        assertThat(post(api, "start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\","
                + "\"reversible\":true,\"enableUserWriteBlocking\":true}").path("success").asBoolean()).isTrue();
        awaitEqual();

        killMinusNine(first);
        source.insertOne(new Document("_id", "while-down-running"));
        source.updateOne(Filters.eq("_id", 1), Updates.set("status", "changed while down"));
        source.deleteOne(Filters.eq("_id", 2));
        Process second = startControlPlane();
        api = apiOf(second);
        assertThat(progress(api).path("state").asText()).isEqualTo("RUNNING");
        awaitEqual();
        assertThat(destination.find(Filters.eq("_id", 2)).first()).isNull();

        assertThat(post(api, "pause", "{}").path("success").asBoolean()).isTrue();
        killMinusNine(second);
        source.insertOne(new Document("_id", "while-down-paused"));
        source.deleteOne(Filters.eq("_id", 3));
        Process third = startControlPlane();
        api = apiOf(third);
        assertThat(progress(api).path("state").asText()).isEqualTo("PAUSED");
        assertThat(post(api, "resume", "{}").path("success").asBoolean()).isTrue();
        awaitEqual();

        awaitProgress(api, "canCommit before the commit", p -> p.path("canCommit").asBoolean());
        assertThat(started).allSatisfy(process -> assertThat(read(logOf(process))).doesNotContain("deployed pair"));

        // every step is persisted before the next; the kill lands between two of them, usually at step 3
        // (waiting until the destination has applied everything up to the commit point)
        assertThat(post(api, "commit", "{}").path("success").asBoolean()).isTrue();
        await("the commit under way", STEP).until(() -> persistedStep().get(0).equals("COMMIT"));
        killMinusNine(third);
        Process fourth = startControlPlane();
        api = apiOf(fourth);
        assertThat(read(logOf(fourth))).contains("Recovered the sync in state COMMITTING");
        awaitProgress(api, "COMMITTED", p -> p.path("state").asText().equals("COMMITTED"));
        awaitEqual();

        killMinusNine(fourth);
        destination.insertOne(new Document("_id", "opened-destination-write"));
        Process fifth = startControlPlane();
        api = apiOf(fifth);
        JsonNode committed = progress(api);
        assertThat(committed.path("state").asText()).isEqualTo("COMMITTED");
        assertThat(committed.path("canWrite").asBoolean()).isTrue();
        // the pair is not deployed again, so nothing overwrites the opened destination
        assertThat(read(logOf(fifth))).doesNotContain("deployed pair");
        assertThat(destination.find(Filters.eq("_id", "opened-destination-write")).first()).isNotNull();
        assertThat(destination.countDocuments()).isEqualTo(source.countDocuments() + 1);

        // reverse stops at its step 3 (keeping the old source blocked) while that cluster refuses the command,
        // after the mirrored pair was deployed (step 1) and the old pair removed (step 2), each persisted
        failCommand(0, "setUserWriteBlockMode", "alwaysOn");
        assertThat(post(api, "reverse", "{ }").path("success").asBoolean()).isTrue();
        await("the reverse at its step 3", STEP).until(() -> persistedStep().equals(List.of("REVERSE", "3")));
        killMinusNine(fifth);
        failCommand(0, "setUserWriteBlockMode", "off");
        destination.insertOne(new Document("_id", "while-down-reversing"));
        Process sixth = startControlPlane();
        api = apiOf(sixth);
        assertThat(read(logOf(sixth))).contains("Recovered the sync in state REVERSING");
        awaitProgress(api, "RUNNING from cluster1 to cluster0", p -> p.path("state").asText().equals("RUNNING")
                && p.path("directionMapping").path("Source").asText().startsWith("cluster1: ")
                && p.path("directionMapping").path("Destination").asText().startsWith("cluster0: "));
        destination.insertOne(new Document("_id", "after-reverse"));
        destination.updateOne(Filters.eq("_id", 4), Updates.set("status", "changed on cluster1"));
        awaitEqual();
        assertThat(source.find(Filters.eq("_id", "while-down-reversing")).first()).isNotNull();
        assertThat(source.find(Filters.eq("_id", 4)).first().getString("status")).isEqualTo("changed on cluster1");
        // two pairs (forward, reversed) of two sync groups (the database shop and "other"), a source and a sink each
        assertThat(deployedConnectors()).as("each connector is deployed once").doesNotHaveDuplicates()
                .hasSize(8);
        assertThat(read(logOf(sixth))).doesNotContain("deployed pair");
    }

    /** The connectors the control planes deployed, one entry per deployment, over every start. */
    private List<String> deployedConnectors() {
        List<String> deployed = new ArrayList<>();
        for (Process process : started) {
            DEPLOYED.matcher(read(logOf(process))).results().forEach(m -> deployed.add(m.group(1)));
        }
        return deployed;
    }

    /** Switches the emulator's {@code failCommand} fail point for {@code command} on cluster {@code index}. */
    private static void failCommand(int index, String command, String mode) {
        CLUSTERS.client(index).getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
                .append("mode", mode).append("data", new Document("failCommands", List.of(command))
                        .append("errorCode", HOST_UNREACHABLE)));
    }

    private Path syncDir() {
        return workDir.resolve("work").resolve("restart");
    }

    private List<String> persistedStep() throws IOException {
        JsonNode procedure = JSON.readTree(syncDir().resolve("sync-state.json").toFile()).path("procedure");
        return List.of(procedure.path("kind").asText(), procedure.path("step").asText());
    }

    private Process startControlPlane() throws IOException {
        Files.createDirectories(LOGS);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = LOGS.resolve("control-plane-" + started.size() + ".log");
        Process process = new ProcessBuilder(java.toString(), "-Xmx512m",
                "-D" + BuildOutput.KAFKA_LIBS_PROPERTY + "=" + System.getProperty(BuildOutput.KAFKA_LIBS_PROPERTY),
                "-D" + BuildOutput.PLUGIN_PATH_PROPERTY + "=" + System.getProperty(BuildOutput.PLUGIN_PATH_PROPERTY),
                "-cp", System.getProperty("java.class.path"), "io.c2csync.controlplane.cli.C2cSyncCommand",
                "run", "--cluster0", CLUSTERS.get(0).connectionString(), "--cluster1",
                CLUSTERS.get(1).connectionString(), "--port", "0", "--work-dir", workDir.resolve("work").toString(),
                "--id", "restart")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        return process;
    }

    private Path logOf(Process process) {
        return LOGS.resolve("control-plane-" + started.indexOf(process) + ".log");
    }

    private URI apiOf(Process process) throws IOException {
        Path log = logOf(process);
        await("the ready line in " + log, STEP)
                .guardedBy(() -> assertThat(process.isAlive()).as("control plane exited: %s", read(log)).isTrue())
                .until(() -> READY.matcher(read(log)).find());
        Matcher ready = READY.matcher(read(log));
        assertThat(ready.find()).isTrue();
        return URI.create(ready.group(1));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    private static void killMinusNine(Process process) {
        List<ProcessHandle> runtime = process.descendants().toList();
        process.toHandle().destroyForcibly();
        process.onExit().join();
        // its broker and worker exit on their own once their parent is gone
        runtime.forEach(child -> child.onExit().join());
    }

    private void awaitEqual() {
        await("the destination equal to the source", STEP).until(() -> {
            VerificationResult result = new Verifier(CLUSTERS.client(0), CLUSTERS.client(1), NamespaceFilter.all(),
                    5, new VerificationProgress()).verify();
            return result.equal() && result.comparedDocuments() > 0;
        });
    }

    private void awaitProgress(URI api, String what, Predicate<JsonNode> condition) {
        await(what, STEP).until(() -> condition.test(progress(api)));
    }

    private JsonNode progress(URI api) throws Exception {
        return send(HttpRequest.newBuilder(api.resolve("progress")).GET()).path("progress");
    }

    private JsonNode post(URI api, String call, String body) throws Exception {
        return send(HttpRequest.newBuilder(api.resolve(call)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
