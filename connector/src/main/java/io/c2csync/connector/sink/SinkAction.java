package io.c2csync.connector.sink;

import java.util.List;
import java.util.function.Consumer;

import org.bson.BsonDocument;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.WriteModel;

/** What one change event does to the destination. */
public sealed interface SinkAction {

  /** CRUD writes for one collection; consecutive ones are batched into ordered bulk writes. */
  record Writes(MongoNamespace namespace, List<WriteModel<BsonDocument>> models) implements SinkAction {
    public Writes {
      models = List.copyOf(models);
    }
  }

  /**
   * Something that cannot be a {@link WriteModel} (DDL): applied alone, after every earlier
   * write is flushed. A checkpointed step is recorded on the destination once applied, so a
   * replay after a crash never applies it — or anything before it — twice.
   */
  record Step(String description, boolean checkpointed, Consumer<MongoClient> apply) implements SinkAction {}

  /**
   * A rename from one sync group's namespaces into another's: both groups' sinks meet at it
   * ({@link CrossGroupRenames}). {@code sourceSide}: this group holds the renamed collection's old
   * name; {@code rename} is the plain rename, run by the side that holds the new name.
   */
  record CrossGroupRename(ChangeEvent event, boolean sourceSide, Step rename) implements SinkAction {
    String description() {
      return rename.description() + " (between sync groups)";
    }
  }
}
