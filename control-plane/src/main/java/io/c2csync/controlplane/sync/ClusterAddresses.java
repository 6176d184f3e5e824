package io.c2csync.controlplane.sync;

/** The clusters a sync was started between, so a restart with swapped flags is refused. */
public record ClusterAddresses(String cluster0, String cluster1) {

    /** Throws unless {@code given} (this process's flags) names the same clusters as this persisted sync. */
    public void requireSame(ClusterAddresses given) {
        if (!equals(given)) {
            throw new IllegalStateException("the persisted sync runs between " + this
                    + " but this process was given " + given
                    + "; refusing to start so that source and destination are never swapped by accident");
        }
    }
}
