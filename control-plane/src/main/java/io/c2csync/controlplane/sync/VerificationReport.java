package io.c2csync.controlplane.sync;

/** The embedded verifier's counts for both sides. */
public record VerificationReport(Side source, Side destination) {

    public record Side(
            long estimatedDocumentCount,
            long hashedDocumentCount,
            int totalCollectionCount,
            int scannedCollectionCount,
            String phase) {
    }
}
