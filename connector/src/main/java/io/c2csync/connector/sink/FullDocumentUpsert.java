package io.c2csync.connector.sink;

import java.util.List;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

/** Insert and replace both become "this _id now holds this document": a replace with upsert. */
final class FullDocumentUpsert {

  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  private FullDocumentUpsert() {}

  static SinkAction of(ChangeEvent event) {
    return new SinkAction.Writes(event.namespace(),
        List.of(new ReplaceOneModel<>(event.idFilter(), event.fullDocument(), UPSERT)));
  }
}
