package io.c2csync.connector.sink;

import java.util.Optional;

import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;

import com.mongodb.MongoNamespace;

import io.c2csync.connector.topics.MalformedChangeEventException;

/**
 * One change-stream event as carried on a sync group topic (a real event, or one of
 * mongo-kafka's copy events, which look like inserts). Accessors for required fields fail with
 * the field's name.
 */
public record ChangeEvent(BsonDocument document, String origin) {

  public String operationType() {
    return string(document, "operationType");
  }

  public String database() {
    return string(require("ns", BsonType.DOCUMENT).asDocument(), "db");
  }

  /** The collection, or empty for database-level events. */
  public Optional<String> collection() {
    BsonValue coll = require("ns", BsonType.DOCUMENT).asDocument().get("coll");
    return coll == null ? Optional.empty() : Optional.of(stringValue("ns.coll", coll));
  }

  public MongoNamespace namespace() {
    return new MongoNamespace(database(), collection().orElseThrow(() -> malformed("ns.coll is missing")));
  }

  /** This event, about {@code namespace} instead of its own {@code ns}. */
  ChangeEvent about(MongoNamespace namespace) {
    BsonDocument moved = document.clone();
    moved.put("ns", new BsonDocument("db", new BsonString(namespace.getDatabaseName()))
        .append("coll", new BsonString(namespace.getCollectionName())));
    return new ChangeEvent(moved, origin);
  }

  public BsonValue documentId() {
    BsonDocument key = require("documentKey", BsonType.DOCUMENT).asDocument();
    BsonValue id = key.get("_id");
    if (id == null) {
      throw malformed("documentKey._id is missing");
    }
    return id;
  }

  /** {@code collectionUUID}: which incarnation of the source collection the event is about (6.0+, expanded events). */
  public Optional<BsonBinary> collectionUuid() {
    BsonValue uuid = document.get("collectionUUID");
    if (uuid == null) {
      return Optional.empty();
    }
    if (!uuid.isBinary()) {
      throw malformed("collectionUUID must be BINARY, got " + uuid.getBsonType());
    }
    return Optional.of(uuid.asBinary());
  }

  /** Whether the initial copy emitted this event (its {@code _id} says {@code copyingData}) rather than the change stream. */
  public boolean fromCopy() {
    BsonValue id = document.get("_id");
    return id != null && id.isDocument() && id.asDocument().getBoolean("copyingData", BsonBoolean.FALSE).getValue();
  }

  /** The destination filter for this event's document: its {@code _id}. */
  public BsonDocument idFilter() {
    return new BsonDocument("_id", documentId());
  }

  /** {@code operationDescription}, or an empty document when the event has none. */
  public BsonDocument operationDescriptionOrEmpty() {
    return document.containsKey("operationDescription") ? operationDescription() : new BsonDocument();
  }

  public BsonDocument fullDocument() {
    return require("fullDocument", BsonType.DOCUMENT).asDocument();
  }

  public BsonDocument updateDescription() {
    return require("updateDescription", BsonType.DOCUMENT).asDocument();
  }

  public BsonDocument operationDescription() {
    return require("operationDescription", BsonType.DOCUMENT).asDocument();
  }

  public MongoNamespace renameTarget() {
    BsonDocument to = require("to", BsonType.DOCUMENT).asDocument();
    return new MongoNamespace(string(to, "db"), string(to, "coll"));
  }

  BsonValue require(String field, BsonType type) {
    BsonValue value = document.get(field);
    if (value == null) {
      throw malformed(field + " is missing");
    }
    if (value.getBsonType() != type) {
      throw malformed(field + " must be " + type + ", got " + value.getBsonType());
    }
    return value;
  }

  private String string(BsonDocument parent, String field) {
    BsonValue value = parent.get(field);
    if (value == null) {
      throw malformed(field + " is missing");
    }
    return stringValue(field, value);
  }

  private String stringValue(String field, BsonValue value) {
    if (!value.isString()) {
      throw malformed(field + " must be a string, got " + value.getBsonType());
    }
    return value.asString().getValue();
  }

  MalformedChangeEventException malformed(String problem) {
    String type = document.isString("operationType") ? document.getString("operationType").getValue() : "?";
    return new MalformedChangeEventException(
        "change event " + origin + " (operationType " + type + "): " + problem);
  }
}
