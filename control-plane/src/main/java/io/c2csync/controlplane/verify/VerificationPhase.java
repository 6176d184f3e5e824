package io.c2csync.controlplane.verify;

/** Where a verification is; {@link #label()} is the text of {@code /progress} {@code verification.*.phase}. */
public enum VerificationPhase {
    NOT_STARTED("not started"),
    /** Every selected namespace is read once, in {@code _id} order, on both sides. */
    INITIAL_HASHING("initial hashing"),
    /** Changes applied after the initial pass are being checked. */
    STREAM_HASHING("stream hashing"),
    /** The run finished (equal or not); its result says which. */
    DONE("done"),
    /** The run stopped on an error (a cluster unreachable, documents out of order). */
    FAILED("failed");

    private final String label;

    VerificationPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
