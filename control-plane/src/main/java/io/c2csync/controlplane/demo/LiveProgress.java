package io.c2csync.controlplane.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Polls {@code /progress} and shows it as a live progress bar until a condition holds: redrawn in
 * place on a terminal, one line per change otherwise (a log, a test).
 */
final class LiveProgress {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final DemoApi api;
    private final PrintWriter out;
    private final boolean terminal;

    LiveProgress(DemoApi api, PrintWriter out, boolean terminal) {
        this.api = api;
        this.out = out;
        this.terminal = terminal;
    }

    /** Returns the progress that met {@code condition}; fails if a connector failed or {@code timeout} passed. */
    JsonNode until(String what, Predicate<JsonNode> condition, Duration timeout) {
        out.println("  polling " + api.progressCommand() + " until " + what + ":");
        long deadline = System.nanoTime() + timeout.toNanos();
        String shown = "";
        while (true) {
            JsonNode progress = api.progress();
            String line = ProgressBar.render(progress);
            if (!line.equals(shown)) {
                out.print(terminal ? "\r  " + line + "\u001b[K" : "  " + line + System.lineSeparator());
                out.flush();
                shown = line;
            }
            if (condition.test(progress)) {
                if (terminal) {
                    out.println();
                }
                return progress;
            }
            String warnings = progress.path("warnings").toString();
            if (warnings.contains("FAILED")) {
                throw new IllegalStateException("a connector failed while waiting for " + what + ": " + warnings);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; last progress: " + progress);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching the progress", e);
        }
    }
}
