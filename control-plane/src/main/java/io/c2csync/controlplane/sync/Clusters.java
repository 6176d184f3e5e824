package io.c2csync.controlplane.sync;

import java.util.Objects;

/** The two clusters of the command line, by name. */
public record Clusters(ClusterAdmin cluster0, ClusterAdmin cluster1) {
    public Clusters {
        Objects.requireNonNull(cluster0, "cluster0");
        Objects.requireNonNull(cluster1, "cluster1");
    }

    public ClusterAdmin get(ClusterName name) {
        return name == ClusterName.CLUSTER0 ? cluster0 : cluster1;
    }

    public ClusterAddresses addresses() {
        return new ClusterAddresses(cluster0.displayAddress(), cluster1.displayAddress());
    }

    /** {@code "cluster0: host:port"}, as {@code directionMapping} shows a cluster. */
    public String describe(ClusterName name) {
        return name.apiName() + ": " + get(name).displayAddress();
    }
}
