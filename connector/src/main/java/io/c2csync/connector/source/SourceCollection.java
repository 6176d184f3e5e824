package io.c2csync.connector.source;

import org.bson.BsonDocument;

import com.mongodb.MongoNamespace;

/** A collection or view on the source, with its {@code listCollections} type and options. */
record SourceCollection(MongoNamespace namespace, String type, BsonDocument options) {

  boolean holdsDocuments() {
    return !"view".equals(type);
  }
}
