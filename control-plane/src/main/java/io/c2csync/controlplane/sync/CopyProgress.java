package io.c2csync.controlplane.sync;

import java.util.List;

/**
 * The collection copy: estimated bytes in scope, bytes written so far, and whether it finished;
 * with the same per namespace where it was measured (empty otherwise).
 */
public record CopyProgress(long estimatedTotalBytes, long estimatedCopiedBytes, boolean done,
        List<NamespaceCopy> namespaces) {

    public CopyProgress {
        namespaces = List.copyOf(namespaces);
    }

    /** Totals only. */
    public CopyProgress(long estimatedTotalBytes, long estimatedCopiedBytes, boolean done) {
        this(estimatedTotalBytes, estimatedCopiedBytes, done, List.of());
    }
}
