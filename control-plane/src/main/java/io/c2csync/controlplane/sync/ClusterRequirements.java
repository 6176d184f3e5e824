package io.c2csync.controlplane.sync;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What each cluster must offer for a spec: topology, version, privileges, and an empty destination. */
public final class ClusterRequirements {
    private static final Set<ClusterAction> SOURCE_ACTIONS =
            EnumSet.of(ClusterAction.FIND, ClusterAction.CHANGE_STREAM, ClusterAction.INSERT);
    private static final Set<ClusterAction> DESTINATION_ACTIONS = EnumSet.of(ClusterAction.FIND,
            ClusterAction.INSERT, ClusterAction.UPDATE, ClusterAction.REMOVE, ClusterAction.CREATE_COLLECTION,
            ClusterAction.DROP_COLLECTION, ClusterAction.CREATE_INDEX, ClusterAction.DROP_INDEX);
    private static final Set<ClusterAction> WRITE_BLOCKING_ACTIONS =
            EnumSet.of(ClusterAction.SET_USER_WRITE_BLOCK_MODE, ClusterAction.BYPASS_WRITE_BLOCKING_MODE);

    private ClusterRequirements() {
    }

    /** Checks both clusters for {@code /start}; the first failing requirement is thrown. */
    public static void checkForStart(SyncSpec spec, Clusters clusters, ClusterFacts source, ClusterFacts destination) {
        ClusterName sourceName = spec.direction().source();
        ClusterName destinationName = spec.direction().destination();
        checkTopology(clusters.describe(sourceName), source);
        checkTopology(clusters.describe(destinationName), destination);
        checkVersion(clusters.describe(sourceName), source, spec.reversible() || spec.writeBlocking().blocksSource());
        checkVersion(clusters.describe(destinationName), destination,
                spec.reversible() || spec.writeBlocking().blocksDestination());
        checkActions(clusters.describe(sourceName), source, sourceActions(spec));
        checkActions(clusters.describe(destinationName), destination, destinationActions(spec));
        if (destination.hasUserData()) {
            throw new SyncException(SyncError.DESTINATION_NOT_EMPTY, clusters.describe(destinationName)
                    + " holds user data; the destination must be empty at start");
        }
    }

    public static Set<ClusterAction> sourceActions(SyncSpec spec) {
        Set<ClusterAction> actions = EnumSet.copyOf(SOURCE_ACTIONS);
        if (spec.writeBlocking().blocksSource()) {
            actions.addAll(WRITE_BLOCKING_ACTIONS);
        }
        if (spec.reversible()) {
            actions.addAll(destinationActions(spec));
        }
        return actions;
    }

    public static Set<ClusterAction> destinationActions(SyncSpec spec) {
        Set<ClusterAction> actions = EnumSet.copyOf(DESTINATION_ACTIONS);
        if (spec.writeBlocking().blocksDestination()) {
            actions.addAll(WRITE_BLOCKING_ACTIONS);
        }
        if (spec.reversible()) {
            actions.addAll(SOURCE_ACTIONS);
            actions.addAll(WRITE_BLOCKING_ACTIONS);
        }
        return actions;
    }

    /** The actions of {@code needed} the cluster's user lacks, by MongoDB name. */
    public static String missingActions(ClusterFacts facts, Set<ClusterAction> needed) {
        return needed.stream().filter(a -> !facts.actions().contains(a)).map(ClusterAction::actionName)
                .sorted().collect(Collectors.joining(", "));
    }

    private static void checkTopology(String cluster, ClusterFacts facts) {
        if (!facts.replicaSet()) {
            throw new SyncException(SyncError.INVALID_REQUEST,
                    cluster + " is not a replica set; change streams need a replica set");
        }
    }

    private static void checkVersion(String cluster, ClusterFacts facts, boolean needsWriteBlocking) {
        if (needsWriteBlocking && !facts.version().isAtLeast(ServerVersion.WRITE_BLOCKING_MINIMUM)) {
            throw new SyncException(SyncError.UNSUPPORTED_SERVER_VERSION, cluster + " runs MongoDB "
                    + facts.version() + "; write blocking and 'reversible' need MongoDB "
                    + ServerVersion.WRITE_BLOCKING_MINIMUM + " or later");
        }
    }

    private static void checkActions(String cluster, ClusterFacts facts, Set<ClusterAction> needed) {
        String missing = missingActions(facts, needed);
        if (!missing.isEmpty()) {
            throw new SyncException(SyncError.INSUFFICIENT_PRIVILEGES,
                    "the user of " + cluster + " lacks the privilege actions: " + missing);
        }
    }
}
