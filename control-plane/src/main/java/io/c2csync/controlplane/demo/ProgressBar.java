package io.c2csync.controlplane.demo;

import com.fasterxml.jackson.databind.JsonNode;

/** One line of {@code /progress} for people: a bar of the copy, the lag, events applied and the state. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(JsonNode progress) {
        JsonNode copy = progress.path("collectionCopy");
        long total = copy.path("estimatedTotalBytes").asLong(0);
        long copied = copy.path("estimatedCopiedBytes").asLong(0);
        int percent = total <= 0 ? 0 : (int) Math.min(100, copied * 100 / total);
        int filled = percent * WIDTH / 100;
        JsonNode lag = progress.path("lagTimeSeconds");
        String info = progress.path("info").isTextual() ? " (" + progress.path("info").asText() + ")" : "";
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent)
                + " copied (" + kilobytes(copied) + " of " + kilobytes(total) + ")"
                + " | lag " + (lag.isNumber() ? lag.asLong() + " s" : "-")
                + " | " + progress.path("totalEventsApplied").asLong(0) + " events applied"
                + " | " + progress.path("state").asText() + info
                + (progress.path("canCommit").asBoolean() ? " | canCommit" : "");
    }

    private static String kilobytes(long bytes) {
        return String.format("%.1f KB", bytes / 1024.0);
    }
}
