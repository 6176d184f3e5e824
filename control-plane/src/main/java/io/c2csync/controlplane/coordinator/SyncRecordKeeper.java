package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncStateStore;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The sync record: persisted before it is shown. Written only on the coordinator thread (whose
 * log lines carry its state as MDC key {@code syncState}), read from any thread.
 */
final class SyncRecordKeeper {
    private final SyncStateStore store;
    private volatile SyncRecord record;

    SyncRecordKeeper(SyncStateStore store) {
        this.store = store;
    }

    Optional<SyncRecord> loadPersisted() {
        return store.load();
    }

    /** Takes a loaded record as the current one, without saving it again. */
    void adopt(SyncRecord persisted) {
        record = persisted;
        MDC.put("syncState", persisted.state().name());
    }

    Optional<SyncRecord> current() {
        return Optional.ofNullable(record);
    }

    /** The record of a started sync; only called where the state machine allowed a call on one. */
    SyncRecord started() {
        SyncRecord current = record;
        if (current == null) {
            throw new IllegalStateException("no sync has been started");
        }
        return current;
    }

    void persist(SyncRecord next) {
        store.save(next);
        record = next;
        MDC.put("syncState", next.state().name());
    }

    void forget() {
        store.clear();
        record = null;
        MDC.remove("syncState");
    }
}
