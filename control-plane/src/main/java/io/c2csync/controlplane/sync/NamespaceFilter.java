package io.c2csync.controlplane.sync;

import java.util.List;

/**
 * One entry of {@code includeNamespaces} / {@code excludeNamespaces}: a database by name or by
 * regex, optionally narrowed to collections by name or by regex.
 */
public record NamespaceFilter(
        String database, List<String> collections, NamePattern databaseRegex, NamePattern collectionsRegex) {

    public NamespaceFilter {
        if ((database == null) == (databaseRegex == null)) {
            throw invalid("a namespace filter needs exactly one of 'database' and 'databaseRegex'");
        }
        if (database != null && (database.isEmpty() || database.contains("."))) {
            throw invalid("'database' must be a non-empty name without '.', got '" + database + "'");
        }
        if (collections != null && collectionsRegex != null) {
            throw invalid("a namespace filter takes 'collections' or 'collectionsRegex', not both");
        }
        if (collections != null) {
            if (collections.isEmpty()) {
                throw invalid("'collections' must not be empty; leave it out to take every collection");
            }
            if (collections.stream().anyMatch(c -> c == null || c.isEmpty())) {
                throw invalid("'collections' must contain non-empty names");
            }
            collections = List.copyOf(collections);
        }
    }

    private static SyncException invalid(String description) {
        return new SyncException(SyncError.INVALID_REQUEST, description);
    }
}
