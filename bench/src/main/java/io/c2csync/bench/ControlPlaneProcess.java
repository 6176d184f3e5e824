package io.c2csync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.c2csync.runtime.Await;

/**
 * {@code c2c-sync run} in a child JVM, as a user runs it: its own embedded Kafka broker and Connect worker (its
 * children), the API on a free port. Its output goes to {@code control-plane.log} in its work folder; its processes
 * are told apart by their main class, so each one's cost is measured separately.
 */
final class ControlPlaneProcess implements AutoCloseable {

    private static final String MAIN = "io.c2csync.controlplane.cli.C2cSyncCommand";
    private static final Pattern READY = Pattern.compile("c2c-sync ready: API (\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> FORWARDED_PROPERTIES = List.of("c2c.kafka.libs", "c2c.plugin.path");

    private final Process process;
    private final Path log;
    private final URI api;

    private ControlPlaneProcess(Process process, Path log, URI api) {
        this.process = process;
        this.log = log;
        this.api = api;
    }

    /** Starts the control plane for sync {@code id} and returns once its API answers. */
    static ControlPlaneProcess start(Clusters clusters, String id, boolean oneGroup, Path workDir, String heap) {
        Path log = workDir.resolve("control-plane.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap));
        FORWARDED_PROPERTIES.stream().filter(name -> System.getProperty(name) != null)
            .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN, "run",
            "--cluster0", clusters.source().connectionString(), "--cluster1", clusters.destination().connectionString(),
            "--port", "0", "--id", id, "--work-dir", workDir.toString(), "--database-groups", oneGroup ? "0" : "16"));
        Process process;
        try {
            Files.createDirectories(workDir);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start c2c-sync run", e);
        }
        try {
            URI[] api = new URI[1];
            Await.await("c2c-sync run ready (" + log + ")", START_TIMEOUT)
                .guardedBy(() -> requireAlive(process, log))
                .until(() -> {
                    Optional<URI> ready = readyApi(log);
                    ready.ifPresent(uri -> api[0] = uri);
                    return ready.isPresent();
                });
            return new ControlPlaneProcess(process, log, api[0]);
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    URI api() {
        return api;
    }

    Path log() {
        return log;
    }

    /** The control plane's JVM alone. */
    List<ProcessHandle> controlPlane() {
        return process.isAlive() ? List.of(process.toHandle()) : List.of();
    }

    /** Its Connect worker (and the worker's children). */
    List<ProcessHandle> worker() {
        return childrenRunning("org.apache.kafka.connect.cli.ConnectDistributed");
    }

    /** Its Kafka broker (and the broker's children). */
    List<ProcessHandle> broker() {
        return childrenRunning("io.c2csync.runtime.FormatAndRunBroker");
    }

    void ensureAlive() {
        requireAlive(process, log);
    }

    private List<ProcessHandle> childrenRunning(String mainClass) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.children().filter(child -> commandLine(child).contains(mainClass)).forEach(child -> {
            tree.add(child);
            child.descendants().forEach(tree::add);
        });
        return tree;
    }

    private static String commandLine(ProcessHandle handle) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline")),
                StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            // the process exited between listing and reading: it is no longer one of ours to measure
            return "";
        }
    }

    private static Optional<URI> readyApi(Path log) throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        Matcher ready = READY.matcher(Files.readString(log));
        return ready.find() ? Optional.of(URI.create(ready.group(1))) : Optional.empty();
    }

    private static void requireAlive(Process process, Path log) {
        if (!process.isAlive()) {
            throw new IllegalStateException("c2c-sync run exited with " + process.exitValue() + "; the end of " + log
                + ":\n" + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }

    /** Ctrl-C as a user stops it (the runtime stops in order), then whatever is left is killed. */
    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle left : tree) {
                left.destroyForcibly();
                left.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping c2c-sync run", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("A process of c2c-sync run did not exit", e);
        }
    }
}
