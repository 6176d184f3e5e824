package io.c2csync.connector.sink;

import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import com.mongodb.MongoNamespace;

/**
 * modify (collMod): the changed options in {@code operationDescription} (validator, validation
 * level/action, expireAfterSeconds, index hidden/TTL changes...) are passed to collMod. An index
 * made unique stays non-unique until commit and is recorded ({@link UniqueIndexes}).
 */
public final class ModifyOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    MongoNamespace namespace = event.namespace();
    BsonDocument changes = event.operationDescription().clone();
    BsonValue index = changes.get("index");
    BsonDocument uniqueIndex = index != null && index.isDocument() && UniqueIndexes.isUnique(index.asDocument())
        ? index.asDocument() : null;
    if (index != null && index.isDocument()) {
      BsonDocument kept = UniqueIndexes.withoutUnique(index.asDocument());
      if (kept.keySet().stream().allMatch(k -> k.equals("name") || k.equals("keyPattern"))) {
        changes.remove("index");
      } else {
        changes.put("index", kept);
      }
    }
    BsonDocument command = new BsonDocument("collMod", new BsonString(namespace.getCollectionName()));
    command.putAll(changes);
    return new SinkAction.Step("collMod " + namespace + " " + event.operationDescription().toJson(), true,
        client -> {
          if (!changes.isEmpty()) {
            ServerCommands.run(client, namespace.getDatabaseName(), command, Set.of());
          }
          if (uniqueIndex != null) {
            UniqueIndexes.record(client, namespace, uniqueIndex);
          }
        });
  }
}
