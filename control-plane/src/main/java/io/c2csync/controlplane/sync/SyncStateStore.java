package io.c2csync.controlplane.sync;

import java.util.Optional;

/** Port: durable storage of the one {@link SyncRecord}; {@code save} returns once it is durable. */
public interface SyncStateStore {
    Optional<SyncRecord> load();

    void save(SyncRecord record);

    /** Forgets the sync, as after a start that was undone. */
    void clear();
}
