package io.c2csync.controlplane.faults;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c2csync.controlplane.verify.NamespaceFilter;
import io.c2csync.controlplane.verify.VerificationProgress;
import io.c2csync.controlplane.verify.VerificationResult;
import io.c2csync.controlplane.verify.Verifier;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * One sync under faults: {@code c2c-sync run} (embedded mode: its own Kafka broker and Connect worker as child
 * JVMs) on two {@link FaultClusters}, driven through its HTTP API, killed with -9 and started again with the same
 * flags. Every console is kept under {@code target/fault-runs/<id>/} for a failure's post-mortem.
 */
public final class FaultRun implements AutoCloseable {
    /** How long one awaited condition may take: a restart with its runtime, a copy, a drain. */
    public static final Duration STEP = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOGS = Path.of("target", "fault-runs");
    private static final int START_ATTEMPTS = 3;
    /** How {@code run} says that its embedded broker or worker missed the start deadline. */
    private static final String RUNTIME_TOO_SLOW = "did not become ready within";

    private final FaultClusters clusters;
    private final Path workDir;
    private final String id;
    private final List<String> flags;
    private final List<ControlPlaneProcess> started = new ArrayList<>();
    private final TopicEvents events;
    private final List<FaultMatrixReport.Line> measured = new ArrayList<>();
    private ControlPlaneProcess current;
    private SyncApiClient api;
    private int probes;

    private FaultRun(FaultClusters clusters, Path workDir, String id, List<String> extraFlags) {
        this.clusters = clusters;
        this.workDir = workDir;
        this.id = id;
        this.flags = new ArrayList<>(List.of("--cluster0", clusters.syncUri(0), "--cluster1", clusters.syncUri(1),
                "--port", "0", "--work-dir", workDir.toString(), "--id", id));
        this.flags.addAll(extraFlags);
        this.events = new TopicEvents(id);
    }

    /** Starts {@code c2c-sync run --work-dir <workDir> --id <id>} and waits for its API. */
    public static FaultRun start(FaultClusters clusters, Path workDir, String id) {
        return start(clusters, workDir, id, List.of());
    }

    /** As {@link #start(FaultClusters, Path, String)}, with more flags of {@code run}. */
    public static FaultRun start(FaultClusters clusters, Path workDir, String id, List<String> extraFlags) {
        FaultRun run = new FaultRun(clusters, workDir, id, extraFlags);
        run.restart();
        return run;
    }

    public FaultClusters clusters() {
        return clusters;
    }

    public String id() {
        return id;
    }

    /** The running control plane (the last one started). */
    public ControlPlaneProcess controlPlane() {
        return current;
    }

    /** Every control plane started so far, the first first. */
    public List<ControlPlaneProcess> controlPlanes() {
        return List.copyOf(started);
    }

    public SyncApiClient api() {
        return api;
    }

    /**
     * Starts the control plane again with the same flags (the same work dir, id and clusters) and waits for its API.
     * When its embedded broker or worker does not start within the runtime's deadline (a loaded machine) it exits;
     * then it is started again, as an operator would, at most {@value #START_ATTEMPTS} times in all (each printed).
     */
    public void restart() {
        for (int attempt = 1; ; attempt++) {
            try {
                Path logs = Files.createDirectories(LOGS.resolve(id));
                current = ControlPlaneProcess.start(logs.resolve("control-plane-" + started.size() + ".log"), flags);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the control plane", e);
            }
            started.add(current);
            try {
                api = new SyncApiClient(current.awaitApi(STEP));
                return;
            } catch (AssertionError e) {
                if (attempt == START_ATTEMPTS || current.isAlive() || !current.console().contains(RUNTIME_TOO_SLOW)) {
                    throw e;
                }
                System.out.println("fault run " + id + ": the embedded runtime did not start in time ("
                        + current.consoleFile() + "); starting the control plane again");
            }
        }
    }

    /** {@code kill -9} of the control plane (its runtime exits on its own, awaited); returns when it was killed. */
    public Instant killControlPlane() {
        return killControlPlane(() -> { });
    }

    /** As {@link #killControlPlane()}, running {@code whileOrphaned} once it is dead, before its runtime exits. */
    public Instant killControlPlane(Runnable whileOrphaned) {
        Instant killedAt = Instant.now();
        current.killMinusNine(whileOrphaned);
        return killedAt;
    }

    /** POST {@code call} with {@code body}; the reply must be {@code success: true}. */
    public JsonNode call(String call, String body) {
        JsonNode reply = api.post(call, body);
        assertThat(reply.path("success").asBoolean()).as("%s %s answered %s", call, body, reply).isTrue();
        return reply;
    }

    /** Starts cluster0 → cluster1, reversible, with write blocking on both sides (so the commit stops the source). */
    public void startForwardReversible() {
        call("start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\",\"reversible\":true,"
                + "\"enableUserWriteBlocking\":true}");
    }

    public void pause() {
        call("pause", "{}");
    }

    public void resume() {
        call("resume", "{}");
    }

    public void commit() {
        call("commit", "{}");
    }

    public void reverse() {
        call("reverse", "{}");
    }

    public JsonNode progress() {
        return api.progress();
    }

    public void awaitProgress(String what, Predicate<JsonNode> condition) {
        await(what, STEP).guardedBy(this::requireAlive).until(() -> condition.test(api.progress()));
    }

    public void awaitState(String state) {
        awaitProgress("state " + state, progress -> progress.path("state").asText().equals(state));
    }

    public void awaitCanCommit() {
        awaitProgress("canCommit", progress -> progress.path("canCommit").asBoolean());
    }

    /** Commits and waits for COMMITTED with {@code canWrite: true}. */
    public void commitAndAwaitCommitted() {
        awaitCanCommit();
        commit();
        awaitCommitted();
    }

    public void awaitCommitted() {
        awaitProgress("COMMITTED with canWrite", progress -> progress.path("state").asText().equals("COMMITTED")
                && progress.path("canWrite").asBoolean());
    }

    /** Whether the current control plane logged {@code line}. */
    public boolean logged(String line) {
        return current.console().contains(line);
    }

    /** Whether any control plane of this run logged {@code line}. */
    public boolean anyLogged(String line) {
        return started.stream().anyMatch(process -> process.console().contains(line));
    }

    /** The procedure step persisted in {@code sync-state.json}, if a procedure runs. */
    public Optional<PersistedProcedure> persistedProcedure() {
        JsonNode procedure = persistedRecord().path("procedure");
        if (procedure.isMissingNode() || procedure.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new PersistedProcedure(procedure.path("kind").asText(), procedure.path("step").asInt()));
    }

    /** The persisted state, e.g. {@code COMMITTING}. */
    public String persistedState() {
        return persistedRecord().path("state").asText();
    }

    public void awaitPersisted(String what, Predicate<Optional<PersistedProcedure>> condition) {
        await(what, STEP).guardedBy(this::requireAlive).until(() -> condition.test(persistedProcedure()));
    }

    public Path syncDir() {
        return workDir.resolve(id);
    }

    /** The embedded broker and worker of the running control plane, with their addresses. */
    public RuntimeChildren runtime() {
        Properties identity = new Properties();
        Path file = syncDir().resolve("runtime").resolve("data").resolve("runtime-identity.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            identity.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new RuntimeChildren("127.0.0.1:" + identity.getProperty("broker.port"),
                URI.create("http://127.0.0.1:" + identity.getProperty("connect.port")),
                child(RuntimeChildren.BROKER_MAIN), child(RuntimeChildren.WORKER_MAIN));
    }

    private ProcessHandle child(String mainClass) {
        List<ProcessHandle> matching = current.descendants().stream()
                .filter(process -> RuntimeChildren.commandLine(process).contains(mainClass)).toList();
        assertThat(matching).as("children of the control plane running %s", mainClass).hasSize(1);
        return matching.get(0);
    }

    /** The external verifier over the sync user's clients: the whole of cluster0 against the whole of cluster1. */
    public VerificationResult verify() {
        return new Verifier(clusters.sync(0), clusters.sync(1), NamespaceFilter.all(), 20, new VerificationProgress())
                .verify();
    }

    public void awaitEqual() {
        await("cluster1 equal to cluster0", STEP).until(() -> {
            VerificationResult result = verify();
            return result.equal() && result.comparedDocuments() > 0;
        });
    }

    private JsonNode persistedRecord() {
        Path file = syncDir().resolve("sync-state.json");
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void requireAlive() {
        assertThat(current.isAlive()).as("the control plane exited: %s", current.console()).isTrue();
    }

    /**
     * Begins measuring a fault: the duplicates seen so far (the broker must be up). Call it right before injecting
     * the fault, and {@link Measurement#recovered} once the sync is back.
     */
    public Measurement beginFault(String faultCase, String fault) {
        return new Measurement(faultCase, fault, events.readNew(runtime().bootstrapServers()));
    }

    /** One fault being measured. */
    public final class Measurement {
        private final String faultCase;
        private final String fault;
        private final TopicEvents.Tally before;

        private Measurement(String faultCase, String fault, TopicEvents.Tally before) {
            this.faultCase = faultCase;
            this.fault = fault;
            this.before = before;
        }

        /** Ends the measurement: the duplicates since it began, with {@code recovery}, become a line of the report. */
        public FaultMatrixReport.Line recovered(Duration recovery) {
            TopicEvents.Tally seen = events.readNew(runtime().bootstrapServers()).since(before);
            FaultMatrixReport.Line line = new FaultMatrixReport.Line(faultCase, fault, recovery, seen.duplicates());
            measured.add(line);
            return line;
        }
    }

    /** Writes a new probe to {@code sourceCluster} (its application user) into each of {@code databases}. */
    public RecoveryProbe writeProbe(int sourceCluster, List<String> databases) {
        return RecoveryProbe.write(clusters.app(sourceCluster), databases, "probe-" + probes++);
    }

    /**
     * The end of every run: commit (its write blocking stops {@code workload}, the application's last write, unless
     * it was stopped before), COMMITTED with {@code canWrite}, the commit's own final verification done, and the
     * external verifier: 0 differences. The measured faults go into the report with that count.
     */
    public VerificationResult finish(SourceWorkload workload) {
        commitAndAwaitCommitted();
        return finishCommitted(workload);
    }

    /** As {@link #finish}, for a run whose test committed itself (e.g. with a fault inside the commit). */
    public VerificationResult finishCommitted(SourceWorkload workload) {
        awaitCommitted();
        await("the commit's write blocking to stop the workload", STEP).until(() -> !workload.running());
        workload.stop();
        JsonNode verification = progress().path("verification");
        VerificationResult result = verify();
        FaultMatrixReport.add(measured, result.differenceCount());
        assertThat(verification.path("source").path("phase").asText()).as("the commit's final verification: %s",
                verification).isEqualTo("done");
        assertThat(anyLogged("Commit step 6/8 done")).as("the commit's final verification passed").isTrue();
        assertThat(result.equal()).as("the external verifier after the commit: %s", result.summary(20)).isTrue();
        assertThat(result.comparedDocuments()).isPositive();
        return result;
    }

    /** Stops the control plane (as Ctrl-C does) and whatever it left running. */
    @Override
    public void close() throws InterruptedException {
        for (ControlPlaneProcess process : started) {
            process.close();
        }
    }
}
