package io.c2csync.connector.sink;

import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Change events in the server's shape (MongoDB 6.0+, showExpandedEvents), as extended JSON. */
final class Events {

  private Events() {}

  static String ns(String db, String coll) {
    return "ns: {db: '" + db + "', coll: '" + coll + "'}";
  }

  static String insert(String db, String coll, String document) {
    BsonDocument fullDocument = BsonDocument.parse(document);
    return BsonDocument.parse("{_id: {_data: 'x'}, operationType: 'insert', " + ns(db, coll) + "}")
        .append("documentKey", new BsonDocument("_id", fullDocument.get("_id")))
        .append("fullDocument", fullDocument)
        .toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build());
  }

  static String replace(String db, String coll, String document) {
    return insert(db, coll, document).replace("'insert'", "'replace'");
  }

  static String update(String db, String coll, Object id, String updateDescription) {
    return "{_id: {_data: 'x'}, operationType: 'update', " + ns(db, coll) + ", documentKey: {_id: " + id
        + "}, updateDescription: " + updateDescription + "}";
  }

  static String delete(String db, String coll, Object id) {
    return "{_id: {_data: 'x'}, operationType: 'delete', " + ns(db, coll) + ", documentKey: {_id: " + id + "}}";
  }

  static String ddl(String operationType, String db, String coll, String operationDescription) {
    return "{_id: {_data: 'x'}, operationType: '" + operationType + "', " + ns(db, coll)
        + (operationDescription == null ? "" : ", operationDescription: " + operationDescription) + "}";
  }

  static String rename(String db, String coll, String toDb, String toColl) {
    return "{_id: {_data: 'x'}, operationType: 'rename', " + ns(db, coll) + ", to: {db: '" + toDb + "', coll: '"
        + toColl + "'}, operationDescription: {to: {db: '" + toDb + "', coll: '" + toColl + "'}}}";
  }

  /** The event with {@code collectionUUID} set to the source incarnation numbered {@code incarnation}. */
  static String of(int incarnation, String eventJson) {
    byte[] uuid = new byte[16];
    uuid[15] = (byte) incarnation;
    return BsonDocument.parse(eventJson).append("collectionUUID", new BsonBinary(BsonBinarySubType.UUID_STANDARD, uuid))
        .toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build());
  }

  /** The event with its resume token ({@code _id}) set to {@code token}. */
  static String at(String token, String eventJson) {
    return BsonDocument.parse(eventJson).append("_id", new BsonDocument("_data", new org.bson.BsonString(token)))
        .toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build());
  }

  static String dropDatabase(String db) {
    return "{_id: {_data: 'x'}, operationType: 'dropDatabase', ns: {db: '" + db + "'}}";
  }
}
