package io.c2csync.controlplane.sync;

/** The states of a sync, as the API reports them. */
public enum SyncState {
    INITIALIZING,
    IDLE,
    RUNNING,
    PAUSED,
    COMMITTING,
    COMMITTED,
    REVERSING
}
