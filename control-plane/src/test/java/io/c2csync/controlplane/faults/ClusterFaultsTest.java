package io.c2csync.controlplane.faults;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.c2csync.controlplane.verify.NamespaceFilter;
import io.c2csync.controlplane.verify.VerificationProgress;
import io.c2csync.controlplane.verify.VerificationResult;
import io.c2csync.controlplane.verify.Verifier;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault matrix cases 4 (a cluster unreachable for 30 s) and 6 (source history lost). */
class ClusterFaultsTest {
    private static final Pattern READY = Pattern.compile("c2c-sync ready: API (http://127\\.0\\.0\\.1:\\d+/api/v1/)");
    private static final Duration STEP = Duration.ofSeconds(240);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOGS = Path.of("target", "cluster-faults-logs");

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : started) {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroyForcibly);
            tree.forEach(handle -> handle.onExit().join());
        }
        java.util.Collections.reverse(closing);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void destinationThenSourceUnreachableFor30sRecoversByItselfWithNothingLost() throws Exception {
        EmulatedReplicaSet source = closeLater(EmulatedReplicaSet.start(EmulatorOptions.defaults().withReplicaSetName("src")));
        EmulatedReplicaSet destination = closeLater(EmulatedReplicaSet.start(EmulatorOptions.defaults().withReplicaSetName("dst")));
        MongoClient sourceClient = closeLater(client(source));
        MongoClient destinationClient = closeLater(client(destination));
        MongoCollection<Document> orders = sourceClient.getDatabase("shop").getCollection("orders");
        for (int i = 0; i < 50; i++) {
            orders.insertOne(new Document("_id", i).append("total", i));
        }
        URI api = apiOf(startControlPlane(source, destination, "faults4"), "faults4");
        assertThat(post(api, "start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\"}").path("success").asBoolean()).isTrue();
        awaitProgress(api, "canCommit", p -> p.path("canCommit").asBoolean());

        try (Workload workload = new Workload(orders)) {
            long destinationRecovery = outage(api, destination, sourceClient, destinationClient, "4a-destination");
            long sourceRecovery = outage(api, source, sourceClient, destinationClient, "4b-source");
            System.out.printf("case 4a destination unreachable %d s: recovered %d ms after it came back%n",
                    OUTAGE.toSeconds(), destinationRecovery);
            System.out.printf("case 4b source unreachable %d s: recovered %d ms after it came back (workload writes %d, failed %d)%n",
                    OUTAGE.toSeconds(), sourceRecovery, workload.written.get(), workload.failed.get());
        }
        awaitProgress(api, "canCommit after the outages", p -> p.path("canCommit").asBoolean());
        assertThat(post(api, "commit", "{}").path("success").asBoolean()).isTrue();
        awaitProgress(api, "COMMITTED", p -> p.path("state").asText().equals("COMMITTED"));
        VerificationResult result = new Verifier(sourceClient, destinationClient, NamespaceFilter.all(), 5,
                new VerificationProgress()).verify();
        assertThat(result.equal()).as("differences: %s", result).isTrue();
    }

    @Test
    void sourceHistoryLostFailsLoudlyByName() throws Exception {
        EmulatedReplicaSet source = closeLater(EmulatedReplicaSet.start(EmulatorOptions.defaults().withReplicaSetName("small")
                .withHistoryLimits(new EmulatorOptions.HistoryLimits(300, 1024 * 1024))));
        EmulatedReplicaSet destination = closeLater(EmulatedReplicaSet.start(EmulatorOptions.defaults().withReplicaSetName("dst")));
        MongoClient sourceClient = closeLater(client(source));
        MongoCollection<Document> orders = sourceClient.getDatabase("shop").getCollection("orders");
        orders.insertOne(new Document("_id", "seed"));
        URI api = apiOf(startControlPlane(source, destination, "faults6"), "faults6");
        assertThat(post(api, "start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\"}").path("success").asBoolean()).isTrue();
        awaitProgress(api, "canCommit", p -> p.path("canCommit").asBoolean());

        assertThat(post(api, "pause", "{}").path("success").asBoolean()).isTrue();
        for (int i = 0; i < 400; i++) {
            orders.insertOne(new Document("_id", i));
        }
        assertThat(post(api, "resume", "{}").path("success").asBoolean()).isTrue();

        awaitProgress(api, "ChangeStreamHistoryLost in warnings", p -> warnings(p).stream()
                .anyMatch(w -> w.startsWith("ChangeStreamHistoryLost: ")));
        JsonNode progress = progress(api);
        System.out.println("case 6 warnings: " + warnings(progress));
        assertThat(progress.path("canCommit").asBoolean()).isFalse();
        JsonNode refused = post(api, "commit", "{}");
        assertThat(refused.path("error").asText()).isEqualTo("ChangeStreamHistoryLost");
        assertThat(refused.path("errorDescription").asText()).contains("replSetResizeOplog", "empty destination");
        assertThat(progress(api).path("state").asText()).isEqualTo("RUNNING");
    }

    /** Takes the cluster away for the outage, brings it back and returns how long until a probe write arrived. */
    private long outage(URI api, EmulatedReplicaSet cluster, MongoClient sourceClient, MongoClient destinationClient,
            String name) throws Exception {
        cluster.stopListening();
        awaitProgress(api, name + " reported unreachable", p -> warnings(p).stream().anyMatch(w -> w.contains("is unreachable")));
        Thread.sleep(OUTAGE.toMillis());
        cluster.startListening();
        long back = System.nanoTime();
        String probe = "probe-" + name;
        await("the probe written", STEP).until(() -> {
            try {
                sourceClient.getDatabase("shop").getCollection("probes").insertOne(new Document("_id", probe));
                return true;
            } catch (MongoException e) {
                return false;
            }
        });
        await("the probe of " + name + " on the destination", STEP).until(() -> {
            try {
                return destinationClient.getDatabase("shop").getCollection("probes").find(Filters.eq("_id", probe)).first() != null;
            } catch (MongoException e) {
                return false;
            }
        });
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
    }

    private static List<String> warnings(JsonNode progress) {
        List<String> warnings = new ArrayList<>();
        progress.path("warnings").forEach(w -> warnings.add(w.asText()));
        return warnings;
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        closing.add(closeable);
        return closeable;
    }

    private static MongoClient client(EmulatedReplicaSet cluster) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(cluster.connectionString()))
                .applyToClusterSettings(s -> s.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .build());
    }

    /** Inserts, updates and deletes on the source until closed; writes refused while the source is away are counted. */
    private static final class Workload implements AutoCloseable {
        final AtomicLong written = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Workload(MongoCollection<Document> orders) {
            thread = new Thread(() -> {
                int i = 1000;
                while (running.get()) {
                    try {
                        orders.insertOne(new Document("_id", i).append("total", i).append("items", List.of(1, 2, 3)));
                        orders.updateOne(Filters.eq("_id", i - 3), Updates.combine(Updates.inc("total", 1), Updates.push("items", i)));
                        orders.updateOne(Filters.eq("_id", i - 5), Updates.unset("items"));
                        if (i % 4 == 0) {
                            orders.deleteOne(Filters.eq("_id", i - 7));
                        }
                        if (i % 50 == 0) {
                            orders.createIndex(new Document("total" + (i / 50) % 3, 1));
                        }
                        written.addAndGet(4);
                        i++;
                        Thread.sleep(20);
                    } catch (MongoException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "source-workload");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private Process startControlPlane(EmulatedReplicaSet source, EmulatedReplicaSet destination, String id) throws IOException {
        Files.createDirectories(LOGS);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = LOGS.resolve(id + ".log");
        Process process = new ProcessBuilder(java.toString(), "-Xmx512m",
                "-D" + BuildOutput.KAFKA_LIBS_PROPERTY + "=" + System.getProperty(BuildOutput.KAFKA_LIBS_PROPERTY),
                "-D" + BuildOutput.PLUGIN_PATH_PROPERTY + "=" + System.getProperty(BuildOutput.PLUGIN_PATH_PROPERTY),
                "-cp", System.getProperty("java.class.path"), "io.c2csync.controlplane.cli.C2cSyncCommand",
                "run", "--cluster0", source.connectionString(), "--cluster1", destination.connectionString(),
                "--port", "0", "--work-dir", workDir.resolve("work").toString(), "--id", id)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        return process;
    }

    private URI apiOf(Process process, String id) {
        Path log = LOGS.resolve(id + ".log");
        await("the ready line in " + log, STEP)
                .guardedBy(() -> assertThat(process.isAlive()).as("control plane exited: %s", read(log)).isTrue())
                .until(() -> READY.matcher(read(log)).find());
        Matcher ready = READY.matcher(read(log));
        assertThat(ready.find()).isTrue();
        return URI.create(ready.group(1));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
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
