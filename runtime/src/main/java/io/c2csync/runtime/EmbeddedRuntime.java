package io.c2csync.runtime;

import io.c2csync.connect.ConnectClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker and a real Kafka Connect distributed worker, each in a child JVM, for one
 * machine. Used by the product's embedded mode and, through {@code EmbeddedRuntimeExtension}, by
 * integration tests. A child that exits on its own is started again as its {@link RestartPolicy}
 * allows: the broker on the same ports, cluster id and data folder (topics and committed offsets
 * survive), the worker on the same REST port in the same Connect group (its connectors, tasks and
 * offsets live in Kafka, so they come back). {@link #close()} (or JVM exit) stops both; no child
 * outlives this object.
 */
public final class EmbeddedRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);

    private final ChildLauncher children;
    private final Thread shutdownHook;
    private final ScheduledExecutorService supervisor;
    private final SupervisedChild broker;
    private final SupervisedChild worker;
    private final String bootstrapServers;
    private final ConnectClient connectClient;
    private final CompletableFuture<ChildProcessException> gaveUp;

    private EmbeddedRuntime(ChildLauncher children, Thread shutdownHook, ScheduledExecutorService supervisor,
            SupervisedChild broker, SupervisedChild worker, String bootstrapServers, URI connectUrl,
            CompletableFuture<ChildProcessException> gaveUp) {
        this.children = children;
        this.shutdownHook = shutdownHook;
        this.supervisor = supervisor;
        this.broker = broker;
        this.worker = worker;
        this.bootstrapServers = bootstrapServers;
        this.connectClient = new ConnectClient(connectUrl);
        this.gaveUp = gaveUp;
    }

    /** Starts both children, restarted as {@link RestartPolicy#DEFAULT} allows. */
    public static EmbeddedRuntime start(RuntimeConfig config) {
        return start(config, RestartPolicy.DEFAULT);
    }

    public static EmbeddedRuntime start(RuntimeConfig config, RestartPolicy restartPolicy) {
        Path runDir = config.durable() ? RunFiles.createDurableDir(config.workDir())
                : RunFiles.createRunDir(config.workDir());
        RuntimeIdentity identity = config.durable() ? RuntimeIdentity.durable(config, runDir)
                : RuntimeIdentity.fresh(config);
        // when this JVM dies, the broker stops after the worker, which flushes its offsets to it meanwhile
        Path workerPidFile = RunFiles.deleted(runDir.resolve("connect.pid"));
        ChildLauncher children = new ChildLauncher(config, runDir);
        LOG.info("Starting the embedded runtime in {}", runDir);
        Thread shutdownHook = new Thread(children::close, "c2c-embedded-runtime-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "c2c-embedded-runtime-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<ChildProcessException> gaveUp = new CompletableFuture<>();
        String bootstrapServers = LoopbackPorts.HOST + ":" + identity.brokerPort();
        SupervisedChild broker = new SupervisedChild("Kafka broker",
                readyTimeout -> KafkaBroker.start(children, identity, workerPidFile, readyTimeout).process(),
                restartPolicy, supervisor, children::isClosing, gaveUp);
        SupervisedChild worker = new SupervisedChild("Connect worker", readyTimeout -> {
            ChildProcess process = ConnectWorker.start(children, bootstrapServers, identity.connectPort(), readyTimeout)
                    .process();
            RunFiles.writeString(workerPidFile, String.valueOf(process.pid()));
            return process;
        }, restartPolicy, supervisor, children::isClosing, gaveUp);
        try {
            LifecycleLog.timed("Starting Kafka broker", () -> broker.start(config.startTimeout()));
            LifecycleLog.timed("Starting Connect worker", () -> worker.start(config.startTimeout()));
            return new EmbeddedRuntime(children, shutdownHook, supervisor, broker, worker, bootstrapServers,
                    URI.create("http://" + LoopbackPorts.HOST + ":" + identity.connectPort()), gaveUp);
        } catch (RuntimeException e) {
            stop(children, shutdownHook, supervisor);
            throw e;
        }
    }

    /** {@code host:port} of the broker, for Kafka clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public URI connectUrl() {
        return connectClient.baseUrl();
    }

    public ConnectClient connectClient() {
        return connectClient;
    }

    /**
     * The folder of this run (the same at every start when durable): configuration, Kafka data
     * and one log file per child.
     */
    public Path runDir() {
        return children.runDir();
    }

    /** The broker's current process (a new one after each restart). */
    public ChildProcess brokerProcess() {
        return broker.current();
    }

    /** The worker's current process (a new one after each restart). */
    public ChildProcess workerProcess() {
        return worker.current();
    }

    /**
     * Kills the Connect worker with SIGKILL (no shutdown: no offset flush, no task stop), waits for
     * it to exit, then starts a new worker of the same Connect group on the same REST port, so
     * {@link #connectClient()} keeps working. For crash tests; returns once the new worker answers.
     * Unlike an exit on its own, this does not count against the restart policy.
     */
    public void restartWorker() {
        worker.killAndRestart();
    }

    /** Every process this runtime started that is still running, descendants included. */
    public List<ProcessHandle> processes() {
        return children.processTrees();
    }

    /**
     * Why a child is not running now: being restarted, or given up on (then with what to do). Empty
     * while both run.
     */
    public List<String> warnings() {
        return Stream.of(broker.warning(), worker.warning()).flatMap(Optional::stream).toList();
    }

    /**
     * Completes with the failure, log lines included, when a child exited and its restart policy is
     * used up: the runtime does not restart it any more.
     */
    public CompletableFuture<ChildProcessException> gaveUp() {
        return gaveUp.copy();
    }

    @Override
    public void close() {
        stop(children, shutdownHook, supervisor);
    }

    private static void stop(ChildLauncher children, Thread shutdownHook, ScheduledExecutorService supervisor) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            LOG.info("The JVM is shutting down; stopping the children here and in the shutdown hook ({})",
                    e.getMessage());
        }
        try {
            children.close();
        } finally {
            supervisor.shutdownNow();
        }
    }
}
