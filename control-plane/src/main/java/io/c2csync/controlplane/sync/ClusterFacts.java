package io.c2csync.controlplane.sync;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a live look at one cluster found: the facts {@code /start} and {@code /reverse} check.
 *
 * @param userDatabases the databases holding user data (not admin, config, local), by name
 */
public record ClusterFacts(ServerVersion version, boolean replicaSet, Set<ClusterAction> actions,
        List<String> userDatabases) {
    public ClusterFacts {
        Objects.requireNonNull(version, "version");
        actions = Set.copyOf(actions);
        userDatabases = List.copyOf(userDatabases);
    }

    public boolean hasUserData() {
        return !userDatabases.isEmpty();
    }
}
