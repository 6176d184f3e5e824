package io.c2csync.controlplane.sync;

/** The clusters a sync was started between, so a restart with swapped flags is refused. */
public record ClusterAddresses(String cluster0, String cluster1) {
}
