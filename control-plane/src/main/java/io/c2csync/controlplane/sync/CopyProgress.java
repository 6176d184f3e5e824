package io.c2csync.controlplane.sync;

/** The collection copy: estimated bytes in scope, bytes written so far, and whether it finished. */
public record CopyProgress(long estimatedTotalBytes, long estimatedCopiedBytes, boolean done) {
}
