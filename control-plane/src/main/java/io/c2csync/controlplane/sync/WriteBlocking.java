package io.c2csync.controlplane.sync;

/** Where user writes are blocked (the start option {@code enableUserWriteBlocking}). */
public enum WriteBlocking {
    /** Destination from start until commit, source from commit on. */
    SOURCE_AND_DESTINATION,
    /** Destination from start until commit. */
    DESTINATION_ONLY,
    NONE;

    public boolean blocksSource() {
        return this == SOURCE_AND_DESTINATION;
    }

    public boolean blocksDestination() {
        return this != NONE;
    }
}
