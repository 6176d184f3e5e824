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
 * with their options, indexes as {@code createIndexes}.
 */
final class CopyEvents {

  private CopyEvents() {}

  static BsonDocument insert(MongoNamespace namespace, BsonDocument document) {
    BsonValue id = document.get("_id");
    return new BsonDocument("_id", new BsonDocument("_id", id).append("copyingData", BsonBoolean.TRUE))
        .append("operationType", new BsonString("insert"))
        .append("ns", ns(namespace))
        .append("documentKey", new BsonDocument("_id", id))
        .append("fullDocument", document);
  }

  static BsonDocument create(SourceCollection collection) {
    return ddl("create", collection.namespace(), collection.options());
  }

  static BsonDocument createIndexes(MongoNamespace namespace, List<BsonDocument> indexes) {
    return ddl("createIndexes", namespace, new BsonDocument("indexes", new BsonArray(indexes)));
  }

  private static BsonDocument ddl(String operationType, MongoNamespace namespace, BsonDocument description) {
    return new BsonDocument("_id", new BsonDocument("copyingData", BsonBoolean.TRUE)
            .append("ddl", new BsonString(operationType)).append("ns", new BsonString(namespace.getFullName())))
        .append("operationType", new BsonString(operationType))
        .append("ns", ns(namespace))
        .append("operationDescription", description);
  }

  private static BsonDocument ns(MongoNamespace namespace) {
    return new BsonDocument("db", new BsonString(namespace.getDatabaseName()))
        .append("coll", new BsonString(namespace.getCollectionName()));
  }
}
