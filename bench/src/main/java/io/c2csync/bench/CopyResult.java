package io.c2csync.bench;

import java.util.List;

/** One method's copy of one dataset: the figures and what each process cost meanwhile. */
public record CopyResult(String method, Dataset dataset, double seconds, List<ProcessCost> costs) {

    public double documentsPerSecond() {
        return dataset.documents() / seconds;
    }

    public double megabytesPerSecond() {
        return dataset.totalBytes() / 1e6 / seconds;
    }
}
