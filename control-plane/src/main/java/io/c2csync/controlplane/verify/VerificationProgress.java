package io.c2csync.controlplane.verify;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a verification, written by the thread running it and read by any other (e.g. {@code /progress}). */
public final class VerificationProgress {

    private final Counters source = new Counters();
    private final Counters destination = new Counters();
    private volatile VerificationPhase phase = VerificationPhase.NOT_STARTED;
    private volatile boolean cancelled;

    public SideProgress source() {
        return source.snapshot(phase);
    }

    public SideProgress destination() {
        return destination.snapshot(phase);
    }

    public VerificationPhase phase() {
        return phase;
    }

    void phase(VerificationPhase next) {
        phase = next;
    }

    /** Asks the run to stop at its next document; it then throws {@link VerificationCancelledException}. */
    public void cancel() {
        cancelled = true;
    }

    void stopIfCancelled() {
        if (cancelled) {
            throw new VerificationCancelledException();
        }
    }

    Counters counters(Side side) {
        return side == Side.SOURCE ? source : destination;
    }

    enum Side { SOURCE, DESTINATION }

    static final class Counters {
        private final AtomicLong estimatedDocuments = new AtomicLong();
        private final AtomicLong hashedDocuments = new AtomicLong();
        private final AtomicInteger totalCollections = new AtomicInteger();
        private final AtomicInteger scannedCollections = new AtomicInteger();

        void collectionFound(long estimatedDocumentCount) {
            totalCollections.incrementAndGet();
            estimatedDocuments.addAndGet(estimatedDocumentCount);
        }

        void documentHashed() {
            hashedDocuments.incrementAndGet();
        }

        void collectionScanned() {
            scannedCollections.incrementAndGet();
        }

        SideProgress snapshot(VerificationPhase phase) {
            return new SideProgress(estimatedDocuments.get(), hashedDocuments.get(), totalCollections.get(),
                    scannedCollections.get(), phase);
        }
    }
}
