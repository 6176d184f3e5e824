package io.c2csync.connector.topics;

import java.util.List;


/**
 * Which namespaces a sync group carries: include filters first (none = everything), then exclude
 * filters. System databases, {@code system.*} collections and the reserved database are never
 * user namespaces (markers are carried separately, see {@link ChangeStreamPipeline}).
 */
public record NamespaceSelection(List<NamespaceFilter> includes, List<NamespaceFilter> excludes) {

  public static final NamespaceSelection ALL = new NamespaceSelection(List.of(), List.of());

  public NamespaceSelection {
    includes = includes == null ? List.of() : List.copyOf(includes);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
  }

  /**
   * Whether an event on {@code database.collection} belongs to the group; {@code collection} is
   * null for database-level events (dropDatabase), which match when the database can hold
   * selected collections and is not excluded as a whole.
   */
  public boolean selects(String database, String collection) {
    if (!isUserNamespace(database, collection)) {
      return false;
    }
    boolean included = includes.isEmpty() || includes.stream().anyMatch(f -> includes(f, database, collection));
    return included && excludes.stream().noneMatch(f -> excludes(f, database, collection));
  }

  static boolean isUserNamespace(String database, String collection) {
    return database != null
        && !MarkerNamespace.SYSTEM_DATABASES.contains(database)
        && !MarkerNamespace.DATABASE.equals(database)
        && (collection == null || !collection.startsWith(MarkerNamespace.SYSTEM_COLLECTION_PREFIX));
  }

  private static boolean includes(NamespaceFilter filter, String database, String collection) {
    return filter.matchesDatabase(database)
        && (!filter.restrictsCollections() || collection == null || filter.matchesCollection(collection));
  }

  private static boolean excludes(NamespaceFilter filter, String database, String collection) {
    return filter.matchesDatabase(database)
        && (!filter.restrictsCollections() || filter.matchesCollection(collection));
  }
}
