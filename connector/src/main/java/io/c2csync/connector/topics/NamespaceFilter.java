package io.c2csync.connector.topics;

import java.util.List;

/**
 * One entry of mongosync's {@code includeNamespaces}/{@code excludeNamespaces}: a database (by
 * name or regex) and optionally collections (by name and/or regex). Without collections the
 * filter covers the whole database.
 */
public record NamespaceFilter(
    String database, List<String> collections, RegexFilter databaseRegex, RegexFilter collectionsRegex) {

  public NamespaceFilter {
    if ((database == null) == (databaseRegex == null)) {
      throw new IllegalArgumentException("a namespace filter needs exactly one of 'database' and 'databaseRegex'");
    }
    if (database != null && (database.isEmpty() || database.contains("."))) {
      throw new IllegalArgumentException("'database' must be a non-empty name without '.', got '" + database + "'");
    }
    collections = collections == null ? List.of() : List.copyOf(collections);
    if (collections.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("'collections' must not contain an empty name");
    }
  }

  public static NamespaceFilter database(String database) {
    return new NamespaceFilter(database, List.of(), null, null);
  }

  public static NamespaceFilter collections(String database, String... collections) {
    return new NamespaceFilter(database, List.of(collections), null, null);
  }

  public boolean restrictsCollections() {
    return !collections.isEmpty() || collectionsRegex != null;
  }

  public boolean matchesDatabase(String db) {
    return database != null ? database.equals(db) : databaseRegex.matches(db);
  }

  /** {@code collection} is null for database-level events (dropDatabase). */
  public boolean matchesCollection(String collection) {
    return collection != null
        && (collections.contains(collection) || (collectionsRegex != null && collectionsRegex.matches(collection)));
  }
}
