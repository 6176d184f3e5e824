package io.c2csync.connector.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * mongosync's filter arrays ({@code [{"database": ..., "collections": [...], "databaseRegex":
 * {"pattern", "options"}, "collectionsRegex": ...}]}) as JSON text, for the connector config.
 */
public final class NamespaceFiltersJson {

  private static final Set<String> FILTER_FIELDS = Set.of("database", "collections", "databaseRegex", "collectionsRegex");
  private static final Set<String> REGEX_FIELDS = Set.of("pattern", "options");

  private NamespaceFiltersJson() {}

  public static String format(List<NamespaceFilter> filters) {
    BsonArray array = new BsonArray();
    for (NamespaceFilter filter : filters) {
      BsonDocument document = new BsonDocument();
      if (filter.database() != null) {
        document.append("database", new BsonString(filter.database()));
      }
      if (!filter.collections().isEmpty()) {
        document.append("collections", new BsonArray(filter.collections().stream().map(BsonString::new).toList()));
      }
      if (filter.databaseRegex() != null) {
        document.append("databaseRegex", regex(filter.databaseRegex()));
      }
      if (filter.collectionsRegex() != null) {
        document.append("collectionsRegex", regex(filter.collectionsRegex()));
      }
      array.add(document);
    }
    return array.stream().map(filter -> filter.asDocument().toJson()).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Parses a filter array; every problem names the filter's index and field. */
  public static List<NamespaceFilter> parse(String json) {
    BsonArray array;
    try {
      array = BsonArray.parse(json == null || json.isBlank() ? "[]" : json);
    } catch (JsonParseException | BsonInvalidOperationException e) {
      throw new IllegalArgumentException("namespace filters must be a JSON array: " + e.getMessage(), e);
    }
    List<NamespaceFilter> filters = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String where = "filter " + i;
      BsonDocument filter = document(array.get(i), where);
      unknownFields(filter, FILTER_FIELDS, where);
      String database = string(filter.get("database"), where + ".database");
      List<String> collections = strings(filter.get("collections"), where + ".collections");
      RegexFilter databaseRegex = regex(filter.get("databaseRegex"), where + ".databaseRegex");
      RegexFilter collectionsRegex = regex(filter.get("collectionsRegex"), where + ".collectionsRegex");
      try {
        filters.add(new NamespaceFilter(database, collections, databaseRegex, collectionsRegex));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return filters;
  }

  private static BsonDocument regex(RegexFilter regex) {
    return new BsonDocument("pattern", new BsonString(regex.pattern())).append("options", new BsonString(regex.options()));
  }

  private static RegexFilter regex(BsonValue value, String where) {
    if (value == null) {
      return null;
    }
    BsonDocument regex = document(value, where);
    unknownFields(regex, REGEX_FIELDS, where);
    return new RegexFilter(string(regex.get("pattern"), where + ".pattern"), string(regex.get("options"), where + ".options"));
  }

  private static List<String> strings(BsonValue value, String where) {
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(where + " must be an array of strings");
    }
    return value.asArray().stream().map(v -> string(v, where)).toList();
  }

  private static String string(BsonValue value, String where) {
    if (value == null) {
      return null;
    }
    if (!value.isString()) {
      throw new IllegalArgumentException(where + " must be a string, got " + value.getBsonType());
    }
    return value.asString().getValue();
  }

  private static BsonDocument document(BsonValue value, String where) {
    if (!value.isDocument()) {
      throw new IllegalArgumentException(where + " must be an object, got " + value.getBsonType());
    }
    return value.asDocument();
  }

  private static void unknownFields(BsonDocument document, Set<String> known, String where) {
    document.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
      throw new IllegalArgumentException(where + " has unknown field '" + k + "'");
    });
  }
}
