package io.c2csync.controlplane.sync;

import java.util.Arrays;
import java.util.Optional;

/** The two clusters given on the command line; either can be source or destination. */
public enum ClusterName {
    CLUSTER0("cluster0"),
    CLUSTER1("cluster1");

    private final String apiName;

    ClusterName(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<ClusterName> fromApiName(String name) {
        return Arrays.stream(values()).filter(c -> c.apiName.equals(name)).findFirst();
    }
}
