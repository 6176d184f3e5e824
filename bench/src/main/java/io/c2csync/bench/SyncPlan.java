package io.c2csync.bench;

import java.util.List;

/**
 * What a method is asked to sync: an id (names of connectors, topics, work folders), the databases, and whether
 * c2c-sync runs them as one sync group or as one group per database (its default).
 */
public record SyncPlan(String syncId, List<String> databases, boolean oneGroup) {

    public SyncPlan {
        databases = List.copyOf(databases);
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("a sync plan needs at least one database");
        }
    }
}
