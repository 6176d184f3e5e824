package io.c2csync.controlplane.sync;

import java.util.Optional;

/** Where a new connector pair starts: a full copy, or a change stream from a cluster time. */
public record StartPoint(ClusterTime fromClusterTime) {
    public static StartPoint initialCopy() {
        return new StartPoint(null);
    }

    public static StartPoint at(ClusterTime time) {
        return new StartPoint(java.util.Objects.requireNonNull(time, "time"));
    }

    public Optional<ClusterTime> resumeAt() {
        return Optional.ofNullable(fromClusterTime);
    }
}
