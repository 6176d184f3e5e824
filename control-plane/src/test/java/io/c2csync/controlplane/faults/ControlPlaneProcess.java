package io.c2csync.controlplane.faults;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.runtime.BuildOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code c2c-sync run ...} as a child JVM on this test's classpath, exactly as the launcher runs it,
 * with its console (stdout and stderr) in a file. A kill is a real SIGKILL: no shutdown hook runs.
 */
public final class ControlPlaneProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("c2c-sync ready: API (http://[^ ]+/api/v1/)");
    /** The runtime's children halt at the latest 25 s after their parent vanished (ExitWithParent). */
    private static final Duration ORPHANS_EXIT = Duration.ofSeconds(45);

    private final Process process;
    private final Path console;

    private ControlPlaneProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    public static ControlPlaneProcess start(Path console, List<String> runArgs) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m",
                "-D" + BuildOutput.KAFKA_LIBS_PROPERTY + "=" + System.getProperty(BuildOutput.KAFKA_LIBS_PROPERTY),
                "-D" + BuildOutput.PLUGIN_PATH_PROPERTY + "=" + System.getProperty(BuildOutput.PLUGIN_PATH_PROPERTY),
                "-cp", System.getProperty("java.class.path"), "io.c2csync.controlplane.cli.C2cSyncCommand", "run"));
        command.addAll(runArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().remove("C2C_API_TOKEN");
        return new ControlPlaneProcess(builder.start(), console);
    }

    /** Waits for the ready line and returns the API's base URI. */
    public URI awaitApi(Duration timeout) {
        await("the ready line in " + console, timeout)
                .guardedBy(() -> assertThat(process.isAlive()).as("the control plane exited: %s", console()).isTrue())
                .until(() -> READY.matcher(console()).find());
        Matcher ready = READY.matcher(console());
        assertThat(ready.find()).isTrue();
        return URI.create(ready.group(1));
    }

    public String console() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + console, e);
        }
    }

    public Path consoleFile() {
        return console;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The processes this one started (the embedded broker and Connect worker), with their own children. */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /**
     * {@code kill -9} of the control plane alone, as a crash: its broker and worker notice the end of their stdin
     * and exit on their own, which this waits for. One still alive after {@link #ORPHANS_EXIT} is a product bug:
     * it is killed too and reported.
     */
    public void killMinusNine() {
        killMinusNine(() -> { });
    }

    /** As {@link #killMinusNine()}, running {@code whileOrphaned} once the control plane is dead (e.g. SIGCONT). */
    public void killMinusNine(Runnable whileOrphaned) {
        List<ProcessHandle> runtime = descendants();
        process.toHandle().destroyForcibly();
        process.onExit().join();
        whileOrphaned.run();
        List<String> leftOver = new ArrayList<>();
        for (ProcessHandle child : runtime) {
            child.onExit().completeOnTimeout(child, ORPHANS_EXIT.toMillis(), TimeUnit.MILLISECONDS).join();
            if (child.isAlive()) {
                leftOver.add(child.pid() + " " + child.info().commandLine().orElse("?"));
                child.destroyForcibly();
                child.onExit().join();
            }
        }
        assertThat(leftOver).as("runtime children still alive %s after their control plane was killed", ORPHANS_EXIT)
                .isEmpty();
    }

    /** {@code kill -9} of the control plane and of every process under it at once, as a power loss. */
    public void killMinusNineWithChildren() {
        List<ProcessHandle> tree = new ArrayList<>(descendants());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
    }

    /** Ctrl-C (SIGTERM): the shutdown hook stops the API and the embedded runtime; what is left is killed. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = descendants();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }
}
