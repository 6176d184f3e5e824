package io.c2csync.connector.source;

import java.util.HexFormat;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.MongoNamespace;

/** A collection or view on the source, with its {@code listCollections} type, options and UUID (null if the server gives none). */
record SourceCollection(MongoNamespace namespace, String type, BsonDocument options, BsonValue uuid) {

  /** The UUID as hex, or null if the server gives none. */
  String uuidHex() {
    return uuid == null ? null : HexFormat.of().formatHex(uuid.asBinary().getData());
  }

  /** Its place in the copy's order ({@link CopyOffset#position}). */
  String copyPosition() {
    return CopyOffset.position(uuidHex(), namespace.getFullName());
  }

  boolean holdsDocuments() {
    return !"view".equals(type);
  }
}
