package io.c2csync.bench;

import java.util.List;
import java.util.stream.IntStream;

/** What c2c-sync is asked to sync: an id and the databases of each sync group. */
public record SyncPlan(String syncId, List<List<String>> groups) {

    public SyncPlan {
        groups = groups.stream().map(List::copyOf).toList();
        if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a sync plan needs at least one group, each with a database: " + groups);
        }
    }

    /** The databases dealt round-robin into {@code groupCount} groups (one group per database at most). */
    public static SyncPlan split(String syncId, List<String> databases, int groupCount) {
        int count = Math.min(groupCount, databases.size());
        return new SyncPlan(syncId, IntStream.range(0, count)
            .mapToObj(g -> IntStream.range(0, databases.size()).filter(i -> i % count == g).mapToObj(databases::get).toList())
            .toList());
    }
}
