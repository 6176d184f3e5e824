package io.c2csync.controlplane.sync;

/**
 * The collection copy of one namespace ({@code db.collection}): its size and document count on the
 * source (the estimate) against what the destination holds.
 */
public record NamespaceCopy(String namespace, long estimatedBytes, long copiedBytes, long estimatedDocuments,
        long copiedDocuments) {
}
