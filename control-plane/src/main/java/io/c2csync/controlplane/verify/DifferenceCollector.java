package io.c2csync.controlplane.verify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the first differences up to a limit and counts all of them, so memory stays bounded on a bad copy. Every
 * difference of a document is also noted in {@code seen} by its key, for the next incremental check, and so is the
 * namespace of a difference that kept its documents from being compared. Other catalog differences (options,
 * indexes) are not: the documents were compared despite them, and every check compares every namespace's catalog.
 */
final class DifferenceCollector {

    private static final Set<DifferenceKind> DOCUMENTS_NOT_COMPARED = EnumSet.of(DifferenceKind.MISSING_NAMESPACE,
            DifferenceKind.EXTRA_NAMESPACE, DifferenceKind.NAMESPACE_TYPE);

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
        if (difference.id() != null) {
            seen.key(difference.namespace(), difference.id());
        } else if (DOCUMENTS_NOT_COMPARED.contains(difference.kind())) {
            seen.namespace(difference.namespace());
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
