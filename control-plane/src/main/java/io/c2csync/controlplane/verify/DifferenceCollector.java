package io.c2csync.controlplane.verify;

import java.util.ArrayList;
import java.util.List;

/** Keeps the first differences up to a limit and counts all of them, so memory stays bounded on a bad copy. */
final class DifferenceCollector {

    private final int limit;
    private final List<Difference> first = new ArrayList<>();
    private long count;

    DifferenceCollector(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the number of differences to keep must be 0 or more, not " + limit);
        }
        this.limit = limit;
    }

    void add(Difference difference) {
        count++;
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
