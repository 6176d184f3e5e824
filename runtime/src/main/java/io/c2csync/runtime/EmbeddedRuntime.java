package io.c2csync.runtime;

import io.c2csync.connect.ConnectClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker and a real Kafka Connect distributed worker, each in a child JVM, for one
 * machine. Used by the product's embedded mode and, through {@code EmbeddedRuntimeExtension}, by
 * integration tests. {@link #close()} (or JVM exit) stops both; no child outlives this object.
 */
public final class EmbeddedRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);

    private final ChildLauncher children;
    private final Thread shutdownHook;
    private final KafkaBroker broker;
    private volatile ConnectWorker worker;
    private final ConnectClient connectClient;

    private EmbeddedRuntime(ChildLauncher children, Thread shutdownHook, KafkaBroker broker, ConnectWorker worker) {
        this.children = children;
        this.shutdownHook = shutdownHook;
        this.broker = broker;
        this.worker = worker;
        this.connectClient = new ConnectClient(worker.restUrl());
    }

    public static EmbeddedRuntime start(RuntimeConfig config) {
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
        try {
            KafkaBroker broker = LifecycleLog.timed("Starting Kafka broker", () -> KafkaBroker.start(children, identity, workerPidFile));
            ConnectWorker worker = LifecycleLog.timed("Starting Connect worker",
                    () -> ConnectWorker.start(children, broker.bootstrapServers(), identity.connectPort()));
            RunFiles.writeString(workerPidFile, String.valueOf(worker.process().pid()));
            return new EmbeddedRuntime(children, shutdownHook, broker, worker);
        } catch (RuntimeException e) {
            stop(children, shutdownHook);
            throw e;
        }
    }

    /** {@code host:port} of the broker, for Kafka clients. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public URI connectUrl() {
        return worker.restUrl();
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

    public ChildProcess brokerProcess() {
        return broker.process();
    }

    public ChildProcess workerProcess() {
        return worker.process();
    }

    /**
     * Kills the Connect worker with SIGKILL (no shutdown: no offset flush, no task stop), waits for
     * it to exit, then starts a new worker of the same Connect group on the same REST port, so
     * {@link #connectClient()} keeps working. For crash tests; returns once the new worker answers.
     */
    public synchronized void restartWorker() {
        ChildProcess crashed = worker.process();
        LOG.info("Killing the Connect worker (pid {}) with SIGKILL", crashed.pid());
        crashed.kill();
        worker = LifecycleLog.timed("Restarting Connect worker",
                () -> ConnectWorker.start(children, broker.bootstrapServers(), worker.restUrl().getPort()));
    }

    /** Every process this runtime started that is still running, descendants included. */
    public List<ProcessHandle> processes() {
        return children.processTrees();
    }

    /**
     * Completes with the failure, log lines included, when the broker or the worker exits while
     * this runtime is not being closed.
     */
    public CompletableFuture<ChildProcessException> unexpectedExit() {
        CompletableFuture<ChildProcessException> failure = new CompletableFuture<>();
        ChildProcess currentWorker = worker.process();
        for (ChildProcess child : List.of(broker.process(), currentWorker)) {
            child.onExit().thenRun(() -> {
                if (!children.isClosing() && (child != currentWorker || worker.process() == currentWorker)) {
                    failure.complete(child.exitFailure());
                }
            });
        }
        return failure;
    }

    @Override
    public void close() {
        stop(children, shutdownHook);
    }

    private static void stop(ChildLauncher children, Thread shutdownHook) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            LOG.info("The JVM is shutting down; stopping the children here and in the shutdown hook ({})",
                    e.getMessage());
        }
        children.close();
    }
}
