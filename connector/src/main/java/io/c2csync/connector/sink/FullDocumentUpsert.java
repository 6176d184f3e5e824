package io.c2csync.connector.sink;

import java.util.List;

import org.bson.BsonDocument;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Insert and replace both become "this _id now holds this document": a replace with upsert. A
 * replacement may not hold top-level {@code $}-prefixed field names (MongoDB 5.0+ stores them, but
 * refuses them in replacements, and so does the driver), so such a document is deleted and
 * inserted instead, in the same ordered bulk write: as idempotent under replay.
 */
final class FullDocumentUpsert {

  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  private FullDocumentUpsert() {}

  static SinkAction of(ChangeEvent event) {
    BsonDocument document = event.fullDocument();
    if (document.keySet().stream().anyMatch(name -> name.startsWith("$"))) {
      return new SinkAction.Writes(event.namespace(),
          List.of(new DeleteOneModel<>(event.idFilter()), new InsertOneModel<>(document)));
    }
    return new SinkAction.Writes(event.namespace(), List.of(new ReplaceOneModel<>(event.idFilter(), document, UPSERT)));
  }
}
