package io.c2csync.controlplane.cli;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A {@code c2c-sync} command running on a thread of its own until the test stops it, as an embedding program would. */
final class BackgroundCommand implements AutoCloseable {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<Integer> exit;

    BackgroundCommand(String... args) {
        exit = thread.submit(() -> C2cSyncCommand.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args));
    }

    /** Waits until stdout has a match of {@code pattern}, failing at once if the command ends; returns the match. */
    Matcher awaitOutput(Pattern pattern, Duration timeout) {
        await(pattern + " in the output", timeout)
                .guardedBy(() -> assertThat(exit).as("ended early:%n%s%n%s", out, err).isNotDone())
                .until(() -> pattern.matcher(out.toString()).find());
        Matcher match = pattern.matcher(out.toString());
        assertThat(match.find()).isTrue();
        return match;
    }

    String output() {
        return out.toString();
    }

    /** Interrupts the command and waits until it has returned. */
    void stop(Duration timeout) throws InterruptedException {
        exit.cancel(true);
        thread.shutdown();
        assertThat(thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("the command returned").isTrue();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** The pids of this JVM's child processes and theirs. */
    static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
