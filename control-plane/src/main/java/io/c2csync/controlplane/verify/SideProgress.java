package io.c2csync.controlplane.verify;

/** A snapshot of the verification counters of one cluster, the shape of {@code /progress} {@code verification.source}. */
public record SideProgress(long estimatedDocumentCount, long hashedDocumentCount, int totalCollectionCount,
        int scannedCollectionCount, VerificationPhase phase) {
}
