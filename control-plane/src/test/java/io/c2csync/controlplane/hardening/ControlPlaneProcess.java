package io.c2csync.controlplane.hardening;

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
 * with its console (stdout and stderr) in a file.
 */
final class ControlPlaneProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("c2c-sync ready: API (http://[^ ]+/api/v1/)");

    private final Process process;
    private final Path console;

    private ControlPlaneProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    static ControlPlaneProcess start(Path console, List<String> runArgs) throws IOException {
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
    URI awaitApi(Duration timeout) {
        await("the ready line in " + console, timeout)
                .guardedBy(() -> assertThat(process.isAlive()).as("the control plane exited: %s", console()).isTrue())
                .until(() -> READY.matcher(console()).find());
        Matcher ready = READY.matcher(console());
        assertThat(ready.find()).isTrue();
        return URI.create(ready.group(1));
    }

    String console() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + console, e);
        }
    }

    /** Ctrl-C (SIGTERM): the shutdown hook stops the API and the embedded runtime; what is left is killed. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
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
