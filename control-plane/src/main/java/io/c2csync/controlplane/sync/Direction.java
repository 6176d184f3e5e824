package io.c2csync.controlplane.sync;

import java.util.Objects;

/** Which cluster is read from and which is written to. */
public record Direction(ClusterName source, ClusterName destination) {
    public Direction {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (source == destination) {
            throw new IllegalArgumentException("source and destination are both " + source.apiName());
        }
    }

    public Direction reversed() {
        return new Direction(destination, source);
    }
}
