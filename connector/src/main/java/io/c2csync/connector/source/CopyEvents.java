package io.c2csync.connector.source;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import com.mongodb.MongoNamespace;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.MarkerNamespace;

/**
 * The events the copy emits, in the change-stream shape the sink applies: documents as inserts
 * (mongo-kafka's copy shape, {@code _id: {_id, copyingData: true}}), collections as {@code create}
 * with their options, indexes as {@code createIndexes}, and first of all, when the copy starts
 * from a new resume point, {@link ChangeEventFormat#FRESH_COPY}; each with the collection's
 * {@code collectionUUID} when the server reports one, as the change stream's events carry it.
 */
final class CopyEvents {

  private CopyEvents() {}

  static BsonDocument insert(SourceCollection collection, BsonDocument document) {
    BsonValue id = document.get("_id");
    return withUuid(new BsonDocument("_id", new BsonDocument("_id", id).append("copyingData", BsonBoolean.TRUE))
        .append("operationType", new BsonString("insert"))
        .append("ns", ns(collection.namespace()))
        .append("documentKey", new BsonDocument("_id", id))
        .append("fullDocument", document), collection);
  }

  /**
   * The first event of a copy from a new resume point ({@link ChangeEventFormat#FRESH_COPY}): an
   * event of the reserved database, which the topic mapping sends to the group's topic as it does
   * the group's markers.
   */
  static BsonDocument freshCopy() {
    return new BsonDocument("_id", new BsonDocument("copyingData", BsonBoolean.TRUE)
            .append("ddl", new BsonString(ChangeEventFormat.FRESH_COPY)))
        .append("operationType", new BsonString(ChangeEventFormat.FRESH_COPY))
        .append("ns", new BsonDocument("db", new BsonString(MarkerNamespace.DATABASE)));
  }

  static BsonDocument create(SourceCollection collection) {
    return ddl("create", collection, collection.options());
  }

  static BsonDocument createIndexes(SourceCollection collection, List<BsonDocument> indexes) {
    return ddl("createIndexes", collection, new BsonDocument("indexes", new BsonArray(indexes)));
  }

  private static BsonDocument ddl(String operationType, SourceCollection collection, BsonDocument description) {
    MongoNamespace namespace = collection.namespace();
    return withUuid(new BsonDocument("_id", new BsonDocument("copyingData", BsonBoolean.TRUE)
            .append("ddl", new BsonString(operationType)).append("ns", new BsonString(namespace.getFullName())))
        .append("operationType", new BsonString(operationType))
        .append("ns", ns(namespace))
        .append("operationDescription", description), collection);
  }

  private static BsonDocument withUuid(BsonDocument event, SourceCollection collection) {
    if (collection.uuid() != null) {
      event.append("collectionUUID", collection.uuid());
    }
    return event;
  }

  private static BsonDocument ns(MongoNamespace namespace) {
    return new BsonDocument("db", new BsonString(namespace.getDatabaseName()))
        .append("coll", new BsonString(namespace.getCollectionName()));
  }
}
