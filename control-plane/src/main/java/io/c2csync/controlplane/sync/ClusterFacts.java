package io.c2csync.controlplane.sync;

import java.util.Objects;
import java.util.Set;

/** What a live look at one cluster found: the facts {@code /start} and {@code /reverse} check. */
public record ClusterFacts(ServerVersion version, boolean replicaSet, Set<ClusterAction> actions, boolean hasUserData) {
    public ClusterFacts {
        Objects.requireNonNull(version, "version");
        actions = Set.copyOf(actions);
    }
}
