package io.c2csync.controlplane.cli;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.connect.ConnectClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RuntimeCommandTest {

    private static final Pattern READY_LINE = Pattern.compile(
            "c2c-sync runtime ready: Kafka bootstrap (127\\.0\\.0\\.1:\\d+), Kafka Connect REST (http://127\\.0\\.0\\.1:\\d+),"
                    + " logs in (\\S+) \\(Ctrl-C to stop\\)");

    @TempDir
    Path workDir;

    @Test
    void printsWhereKafkaAndConnectListenAndStopsThemWhenStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = C2cSyncCommand.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exitCode = thread.submit(
                    () -> commandLine.execute("runtime", "--work-dir", workDir.toString()));
            await("the ready line", Duration.ofSeconds(120))
                    .guardedBy(() -> assertThat(exitCode).as("command ended early: %s", err).isNotDone())
                    .until(() -> READY_LINE.matcher(out.toString()).find());
            Matcher ready = READY_LINE.matcher(out.toString());
            assertThat(ready.find()).isTrue();
            assertThat(new ConnectClient(URI.create(ready.group(2))).connectors()).isEmpty();
            assertThat(Path.of(ready.group(3))).startsWith(workDir).isDirectory();
            List<ProcessHandle> children = ProcessHandle.current().descendants()
                    .filter(handle -> handle.info().commandLine().orElse("").contains(workDir.toString()))
                    .toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(2);

            thread.shutdownNow();

            assertThat(exitCode.get(60, TimeUnit.SECONDS)).isEqualTo(RuntimeCommand.EXIT_INTERRUPTED);
            assertThat(children).noneMatch(ProcessHandle::isAlive);
        } finally {
            thread.shutdownNow();
        }
    }
}
