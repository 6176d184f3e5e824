package io.c2csync.connector.sink;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.connector.topics.NamespaceSelection;

/**
 * mongosync's answer to unique indexes under at-least-once replay: the copy and a replay briefly
 * hold states that never coexisted on the source (two documents with the same key), so unique
 * indexes are built non-unique during the sync and recorded in {@code __c2c_sync.uniqueIndexes};
 * the commit converts them ({@code collMod prepareUnique}, then {@code unique}).
 */
final class UniqueIndexes {

  private UniqueIndexes() {}

  static boolean isUnique(BsonDocument spec) {
    BsonValue unique = spec.get("unique");
    return unique != null && (unique.isBoolean() ? unique.asBoolean().getValue() : unique.isNumber() && unique.asNumber().intValue() != 0);
  }

  /** The spec as it is built during the sync. */
  static BsonDocument withoutUnique(BsonDocument spec) {
    BsonDocument copy = spec.clone();
    copy.remove("unique");
    copy.remove("prepareUnique");
    return copy;
  }

  static void record(MongoClient client, MongoNamespace namespace, BsonDocument spec) {
    BsonDocument filter = id(namespace, nameOf(spec));
    collection(client).replaceOne(filter, filter.clone().append("spec", spec), new ReplaceOptions().upsert(true));
  }

  /** collMod may name an index by {@code keyPattern} instead of {@code name}. */
  private static String nameOf(BsonDocument spec) {
    return spec.isString("name") ? spec.getString("name").getValue() : String.valueOf(spec.get("keyPattern"));
  }

  static void forget(MongoClient client, MongoNamespace namespace, String name) {
    collection(client).deleteOne(id(namespace, name));
  }

  /** Forgets the recorded indexes of every namespace of the group: a fresh copy dropped them all. */
  static void forgetSelected(MongoClient client, NamespaceSelection selection) {
    for (BsonDocument recorded : collection(client).find().into(new ArrayList<>())) {
      BsonDocument id = recorded.getDocument("_id");
      if (selection.selects(id.getString("db").getValue(), id.getString("coll").getValue())) {
        collection(client).deleteOne(new BsonDocument("_id", id));
      }
    }
  }

  /**
   * After a rename the records follow the collection (the target's were forgotten before it).
   * Repeatable: while any record is left under the old name, the move is done again.
   */
  static void moved(MongoClient client, MongoNamespace from, MongoNamespace to) {
    MongoCollection<BsonDocument> records = collection(client);
    List<BsonDocument> moving = records.find(ofCollection(from)).into(new ArrayList<>());
    if (moving.isEmpty()) {
      return;
    }
    records.deleteMany(ofCollection(to));
    for (BsonDocument record : moving) {
      String name = record.getDocument("_id").getString("name").getValue();
      BsonDocument filter = id(to, name);
      records.replaceOne(filter, filter.clone().append("spec", record.getDocument("spec")), new ReplaceOptions().upsert(true));
      records.deleteOne(new BsonDocument("_id", record.get("_id")));
    }
  }

  static void forgetAll(MongoClient client, MongoNamespace namespace) {
    collection(client).deleteMany(ofCollection(namespace));
  }

  private static BsonDocument ofCollection(MongoNamespace namespace) {
    return new BsonDocument("_id.db", new BsonString(namespace.getDatabaseName()))
        .append("_id.coll", new BsonString(namespace.getCollectionName()));
  }

  private static BsonDocument id(MongoNamespace namespace, String name) {
    return new BsonDocument("_id", new BsonDocument("db", new BsonString(namespace.getDatabaseName()))
        .append("coll", new BsonString(namespace.getCollectionName()))
        .append("name", new BsonString(name)));
  }

  private static MongoCollection<BsonDocument> collection(MongoClient client) {
    return client.getDatabase(MarkerNamespace.DATABASE).getCollection(MarkerNamespace.UNIQUE_INDEXES, BsonDocument.class);
  }
}
