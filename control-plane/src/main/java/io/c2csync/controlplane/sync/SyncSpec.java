package io.c2csync.controlplane.sync;

import java.util.List;
import java.util.Objects;

/** What {@code /start} asked for, after parsing; checked by {@link StartRules}. */
public record SyncSpec(
        Direction direction,
        boolean reversible,
        WriteBlocking writeBlocking,
        List<NamespaceFilter> includeNamespaces,
        List<NamespaceFilter> excludeNamespaces,
        IndexBuild buildIndexes,
        boolean verificationEnabled) {

    public SyncSpec {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(writeBlocking, "writeBlocking");
        Objects.requireNonNull(buildIndexes, "buildIndexes");
        includeNamespaces = List.copyOf(includeNamespaces);
        excludeNamespaces = List.copyOf(excludeNamespaces);
    }

    /** The contract's defaults: everything, blocking on the destination, indexes after the copy. */
    public static SyncSpec defaults(Direction direction) {
        return new SyncSpec(direction, false, WriteBlocking.DESTINATION_ONLY, List.of(), List.of(),
                IndexBuild.AFTER_DATA_COPY, true);
    }

    public boolean hasFilters() {
        return !includeNamespaces.isEmpty() || !excludeNamespaces.isEmpty();
    }
}
