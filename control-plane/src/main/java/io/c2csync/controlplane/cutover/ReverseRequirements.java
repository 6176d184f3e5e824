package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.ClusterAction;
import io.c2csync.controlplane.sync.ClusterFacts;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ClusterRequirements;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.ServerVersion;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncSpec;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The requirements of {@code /reverse} besides the state; the first failing one is thrown. */
public final class ReverseRequirements {
    private static final Set<ClusterAction> WRITE_BLOCKING =
            EnumSet.of(ClusterAction.SET_USER_WRITE_BLOCK_MODE, ClusterAction.BYPASS_WRITE_BLOCKING_MODE);

    private ReverseRequirements() {
    }

    public static void check(SyncSpec spec, Clusters clusters, Map<ClusterName, ClusterFacts> facts) {
        if (!spec.reversible()) {
            throw notAllowed("the sync was started without \"reversible\": true");
        }
        if (!spec.writeBlocking().blocksSource()) {
            throw notAllowed("the sync was started without \"enableUserWriteBlocking\": true");
        }
        for (ClusterName name : ClusterName.values()) {
            ClusterFacts cluster = facts.get(name);
            if (!cluster.version().isAtLeast(ServerVersion.WRITE_BLOCKING_MINIMUM)) {
                throw notAllowed(clusters.describe(name) + " runs MongoDB " + cluster.version()
                        + "; reverse needs MongoDB " + ServerVersion.WRITE_BLOCKING_MINIMUM + " or later on both clusters");
            }
            String missing = ClusterRequirements.missingActions(cluster, WRITE_BLOCKING);
            if (!missing.isEmpty()) {
                throw notAllowed("the user of " + clusters.describe(name) + " lacks the privilege actions: " + missing);
            }
        }
    }

    private static SyncException notAllowed(String requirement) {
        return new SyncException(SyncError.REVERSE_NOT_ALLOWED, "cannot reverse: " + requirement);
    }
}
