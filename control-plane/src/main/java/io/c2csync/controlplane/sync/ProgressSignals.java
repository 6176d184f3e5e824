package io.c2csync.controlplane.sync;

/** Port: lag markers, copy bytes and applied events of one connector pair; thread-safe. */
public interface ProgressSignals {
    /**
     * @param pair the pair of the record the caller observes (not whatever is persisted by then: a reverse may
     *     have moved on to the next pair meanwhile)
     */
    ProgressSample sample(ConnectorPair pair);
}
