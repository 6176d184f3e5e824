package io.c2csync.controlplane.sync;

import java.util.Comparator;

/** A MongoDB cluster time (a BSON timestamp): seconds since the epoch and an increment. */
public record ClusterTime(long seconds, int increment) implements Comparable<ClusterTime> {
    private static final Comparator<ClusterTime> ORDER =
            Comparator.comparingLong(ClusterTime::seconds).thenComparingInt(ClusterTime::increment);

    public ClusterTime {
        if (seconds < 0 || increment < 0) {
            throw new IllegalArgumentException("cluster time must not be negative: " + seconds + "," + increment);
        }
    }

    @Override
    public int compareTo(ClusterTime other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(ClusterTime other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return "Timestamp(" + seconds + ", " + increment + ")";
    }
}
