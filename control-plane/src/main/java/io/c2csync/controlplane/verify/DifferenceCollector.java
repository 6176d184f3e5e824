package io.c2csync.controlplane.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the first differences up to a limit and counts all of them, so memory stays bounded on a bad copy. Every
 * difference is also noted in {@code seen} (its key, or its namespace for a difference of the catalog), for the
 * next incremental check.
 */
final class DifferenceCollector {

    private final int limit;
    private final RecheckScope seen;
    private final List<Difference> first = new ArrayList<>();
    private long count;

    DifferenceCollector(int limit, RecheckScope seen) {
        if (limit < 0) {
            throw new IllegalArgumentException("the number of differences to keep must be 0 or more, not " + limit);
        }
        this.limit = limit;
        this.seen = seen;
    }

    void add(Difference difference) {
        count++;
        if (difference.id() == null) {
            seen.namespace(difference.namespace());
        } else {
            seen.key(difference.namespace(), difference.id());
        }
        if (first.size() < limit) {
            first.add(difference);
        }
    }

    long count() {
        return count;
    }

    List<Difference> first() {
        return List.copyOf(first);
    }
}
