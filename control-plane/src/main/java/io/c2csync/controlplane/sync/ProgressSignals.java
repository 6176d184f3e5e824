package io.c2csync.controlplane.sync;

/** Port: lag markers, copy bytes and applied events of one connector pair; thread-safe. */
public interface ProgressSignals {
    ProgressSample sample(PairId pair);
}
