package io.c2csync.connector.source;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.MongoNamespace;

/** A collection or view on the source, with its {@code listCollections} type, options and UUID (null if the server gives none). */
record SourceCollection(MongoNamespace namespace, String type, BsonDocument options, BsonValue uuid) {

  boolean holdsDocuments() {
    return !"view".equals(type);
  }
}
