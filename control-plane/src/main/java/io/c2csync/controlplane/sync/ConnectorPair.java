package io.c2csync.controlplane.sync;

import java.util.Objects;

/** What the pipeline deploys: a source connector on one cluster and a sink into the other. */
public record ConnectorPair(PairId id, Direction direction, SyncSpec spec, StartPoint startPoint) {
    public ConnectorPair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(startPoint, "startPoint");
    }
}
