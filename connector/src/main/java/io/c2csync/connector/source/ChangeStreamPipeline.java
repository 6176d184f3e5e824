package io.c2csync.connector.source;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonValue;

import io.c2csync.connector.topics.MarkerCodec;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;

/**
 * Turns a {@link NamespaceSelection} into the cluster-wide change stream's {@code $match}. It is
 * the exact translation of {@link NamespaceSelection#selects}: an event is carried when its
 * {@code ns} is selected, or — for rename — its {@code to} is, or when it is a marker of this
 * sync group. DDL events match like CRUD (dropDatabase has no {@code ns.coll}).
 */
public final class ChangeStreamPipeline {

  private ChangeStreamPipeline() {}

  public static List<BsonDocument> forGroup(NamespaceSelection selection, String syncId, String group) {
    BsonArray anyOf = new BsonArray(List.of(
        selected(selection, "ns"), selected(selection, "to"), markerOf(syncId, group)));
    return List.of(new BsonDocument("$match", new BsonDocument("$or", anyOf)));
  }

  private static BsonDocument selected(NamespaceSelection selection, String prefix) {
    String db = prefix + ".db";
    String coll = prefix + ".coll";
    List<BsonValue> all = new ArrayList<>();
    all.add(new BsonDocument(db, new BsonDocument("$exists", BsonBoolean.TRUE)));
    all.add(new BsonDocument(db, new BsonDocument("$nin", strings(systemDatabases()))));
    all.add(new BsonDocument(coll, new BsonDocument("$not",
        new BsonRegularExpression("^" + MarkerNamespace.SYSTEM_COLLECTION_PREFIX.replace(".", "\\.")))));
    if (!selection.includes().isEmpty()) {
      all.add(new BsonDocument("$or", new BsonArray(selection.includes().stream()
          .map(f -> filterClause(f, db, coll, true)).collect(Collectors.toList()))));
    }
    if (!selection.excludes().isEmpty()) {
      all.add(new BsonDocument("$nor", new BsonArray(selection.excludes().stream()
          .map(f -> filterClause(f, db, coll, false)).collect(Collectors.toList()))));
    }
    return new BsonDocument("$and", new BsonArray(all));
  }

  private static BsonDocument filterClause(NamespaceFilter filter, String db, String coll, boolean include) {
    BsonDocument database = new BsonDocument(db,
        filter.database() != null ? new BsonString(filter.database()) : filter.databaseRegex().toBson());
    if (!filter.restrictsCollections()) {
      return database;
    }
    List<BsonValue> collection = new ArrayList<>();
    if (!filter.collections().isEmpty()) {
      collection.add(new BsonDocument(coll, new BsonDocument("$in", strings(filter.collections()))));
    }
    if (filter.collectionsRegex() != null) {
      collection.add(new BsonDocument(coll, filter.collectionsRegex().toBson()));
    }
    if (include) {
      // database-level events (dropDatabase) of an included database
      collection.add(new BsonDocument(coll, new BsonDocument("$exists", BsonBoolean.FALSE)));
    }
    return new BsonDocument("$and", new BsonArray(List.of(database, new BsonDocument("$or", new BsonArray(collection)))));
  }

  private static BsonDocument markerOf(String syncId, String group) {
    String id = "documentKey." + MarkerCodec.ID + ".";
    return new BsonDocument("ns.db", new BsonString(MarkerNamespace.DATABASE))
        .append("ns.coll", new BsonString(MarkerNamespace.MARKERS))
        .append(id + MarkerCodec.SYNC_ID, new BsonString(syncId))
        .append(id + MarkerCodec.GROUP, new BsonString(group));
  }

  private static List<String> systemDatabases() {
    List<String> databases = new ArrayList<>(MarkerNamespace.SYSTEM_DATABASES);
    databases.add(MarkerNamespace.DATABASE);
    databases.sort(null);
    return databases;
  }

  private static BsonArray strings(List<String> values) {
    return new BsonArray(values.stream().map(BsonString::new).collect(Collectors.toList()));
  }
}
