package io.c2csync.controlplane.fakes;

import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncStateStore;
import java.util.Optional;

/** A store that survives the coordinators of one test, like a file survives a process. */
public final class InMemorySyncStateStore implements SyncStateStore {
    private volatile SyncRecord saved;

    @Override
    public Optional<SyncRecord> load() {
        return Optional.ofNullable(saved);
    }

    @Override
    public void save(SyncRecord record) {
        saved = record;
    }

    @Override
    public void clear() {
        saved = null;
    }
}
