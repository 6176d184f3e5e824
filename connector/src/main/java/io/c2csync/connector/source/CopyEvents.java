package io.c2csync.connector.source;

import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import com.mongodb.MongoNamespace;

/**
 * The events the copy emits, in the change-stream shape the sink applies: documents as inserts
 * (mongo-kafka's copy shape, {@code _id: {_id, copyingData: true}}), collections as {@code create}
 * with their options, indexes as {@code createIndexes}; each with the collection's
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
