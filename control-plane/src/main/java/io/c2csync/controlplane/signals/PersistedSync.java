package io.c2csync.controlplane.signals;

import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncStateStore;
import java.util.Optional;

/**
 * The sync as the coordinator last persisted it, read by the parts that run beside it (heartbeats,
 * commit markers): the record is the one truth about the current pair.
 */
public final class PersistedSync {
    private final SyncStateStore store;

    public PersistedSync(SyncStateStore store) {
        this.store = store;
    }

    public Optional<SyncRecord> current() {
        return store.load();
    }

    /** The pair the sync runs on now, when it is {@code id}. */
    public ConnectorPair currentPair(PairId id) {
        SyncRecord record = current().orElseThrow(
                () -> new IllegalStateException("no sync is persisted, so pair " + id.generation() + " is unknown"));
        if (!record.pair().equals(id)) {
            throw new IllegalStateException("pair " + id.generation() + " is not the current pair "
                    + record.pair().generation());
        }
        return record.currentPair();
    }
}
