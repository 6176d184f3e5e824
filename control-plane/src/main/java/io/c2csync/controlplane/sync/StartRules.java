package io.c2csync.controlplane.sync;

/** Cross-field checks of a {@link SyncSpec}: options that cannot go together. */
public final class StartRules {
    private StartRules() {
    }

    public static void check(SyncSpec spec) {
        if (!spec.reversible()) {
            return;
        }
        if (spec.hasFilters()) {
            throw invalid("'reversible' cannot be combined with 'includeNamespaces' or 'excludeNamespaces':"
                    + " a reverse must carry every namespace back");
        }
        if (spec.buildIndexes() == IndexBuild.NEVER) {
            throw invalid("'reversible' cannot be combined with 'buildIndexes': \"never\":"
                    + " the reversed sync needs the indexes on both sides");
        }
        if (!spec.writeBlocking().blocksSource()) {
            throw invalid("'reversible' needs 'enableUserWriteBlocking': true (or \"sourceAndDestination\"),"
                    + " so that the old source takes no writes after commit");
        }
    }

    private static SyncException invalid(String description) {
        return new SyncException(SyncError.INVALID_OPTIONS, description);
    }
}
