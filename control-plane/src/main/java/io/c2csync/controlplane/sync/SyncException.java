package io.c2csync.controlplane.sync;

/** A refused or failed call: the contract's error name and a description for the user. */
public final class SyncException extends RuntimeException {
    private final SyncError error;

    public SyncException(SyncError error, String description) {
        super(description);
        this.error = error;
    }

    public SyncException(SyncError error, String description, Throwable cause) {
        super(description, cause);
        this.error = error;
    }

    public SyncError error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
