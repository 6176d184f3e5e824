package io.c2csync.connector.sink;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;

import com.mongodb.MongoNamespace;
import com.mongodb.client.model.WriteModel;

/** CRUD writes waiting to be flushed, as runs of consecutive writes to one collection (source order kept). */
final class PendingWrites {

  record Run(MongoNamespace namespace, List<WriteModel<BsonDocument>> models) {}

  private final List<Run> runs = new ArrayList<>();

  void add(SinkAction.Writes writes) {
    if (writes.models().isEmpty()) {
      return;
    }
    Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
    if (last != null && last.namespace().equals(writes.namespace())) {
      last.models().addAll(writes.models());
    } else {
      runs.add(new Run(writes.namespace(), new ArrayList<>(writes.models())));
    }
  }

  /** Hands out the runs in order and empties this buffer. */
  List<Run> drain() {
    List<Run> drained = List.copyOf(runs);
    runs.clear();
    return drained;
  }
}
