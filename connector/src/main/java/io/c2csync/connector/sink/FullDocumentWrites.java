package io.c2csync.connector.sink;

import java.util.List;

import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.RawBsonDocument;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * "This _id now holds this document". An insert is written as an insert, the cheapest write (an initial copy is all
 * inserts); when the destination already holds the document (a replay, or a copy that read it after the insert)
 * {@link RunWriter} writes it again as {@link #upsert}. A replace is a replace with upsert. A document with top-level
 * {@code $}-prefixed field names (MongoDB 5.0+ stores them, but refuses them in replacements, and so does the driver)
 * is deleted and inserted instead, in the same ordered bulk write: as idempotent under replay.
 */
final class FullDocumentWrites {

  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  private FullDocumentWrites() {}

  static SinkAction insert(ChangeEvent event) {
    BsonDocument document = event.fullDocument();
    if (hasDollarPrefixedField(document)) {
      return deleteAndInsert(event, document);
    }
    return new SinkAction.Writes(event.namespace(), List.of(new InsertOneModel<>(document)));
  }

  static SinkAction replace(ChangeEvent event) {
    BsonDocument document = event.fullDocument();
    if (hasDollarPrefixedField(document)) {
      return deleteAndInsert(event, document);
    }
    return new SinkAction.Writes(event.namespace(), List.of(new ReplaceOneModel<>(event.idFilter(), document, UPSERT)));
  }

  /** The insert as a replace with upsert, or the insert itself when its document cannot be a replacement. */
  static WriteModel<BsonDocument> upsert(InsertOneModel<BsonDocument> insert) {
    BsonDocument document = insert.getDocument();
    if (hasDollarPrefixedField(document) || !document.containsKey("_id")) {
      return insert;
    }
    return new ReplaceOneModel<>(new BsonDocument("_id", document.get("_id")), document, UPSERT);
  }

  private static SinkAction deleteAndInsert(ChangeEvent event, BsonDocument document) {
    return new SinkAction.Writes(event.namespace(),
        List.of(new DeleteOneModel<>(event.idFilter()), new InsertOneModel<>(document)));
  }

  /** Reads the top-level names only: a raw document's {@code keySet()} would decode all of it. */
  private static boolean hasDollarPrefixedField(BsonDocument document) {
    if (!(document instanceof RawBsonDocument raw)) {
      return document.keySet().stream().anyMatch(name -> name.startsWith("$"));
    }
    try (BsonBinaryReader reader = new BsonBinaryReader(raw.getByteBuffer().asNIO())) {
      reader.readStartDocument();
      while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
        if (reader.readName().startsWith("$")) {
          return true;
        }
        reader.skipValue();
      }
      return false;
    }
  }
}
