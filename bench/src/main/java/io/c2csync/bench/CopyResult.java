package io.c2csync.bench;

import java.util.List;

/**
 * One method's copy of one dataset: the figures and what each process cost meanwhile. The steady rate leaves out the
 * start-up (the time to the first document on the destination); {@code secondsToCanCommit} is NaN for a method
 * without that signal.
 */
public record CopyResult(String method, Dataset dataset, double seconds, double secondsToFirstDocument,
                         double secondsToCanCommit, List<ProcessCost> costs) {

    public double documentsPerSecond() {
        return dataset.documents() / seconds;
    }

    public double steadyDocumentsPerSecond() {
        return dataset.documents() / Math.max(seconds - secondsToFirstDocument, 1e-3);
    }

    public double megabytesPerSecond() {
        return dataset.totalBytes() / 1e6 / seconds;
    }
}
