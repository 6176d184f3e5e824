package io.c2csync.connector.sink;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.BsonString;

import com.mongodb.MongoNamespace;

/** dropIndexes, one command per index name; an index (or collection) already gone is "already done". */
public final class DropIndexesOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    MongoNamespace namespace = event.namespace();
    List<String> names = CreateIndexesOperation.indexSpecs(event).stream()
        .map(spec -> spec.getString("name").getValue()).collect(Collectors.toList());
    return new SinkAction.Step("dropIndexes " + names + " on " + namespace, true,
        client -> names.forEach(name -> {
          BsonDocument command = new BsonDocument("dropIndexes", new BsonString(namespace.getCollectionName()))
              .append("index", new BsonString(name));
          ServerCommands.run(client, namespace.getDatabaseName(), command,
              Set.of(ServerCommands.NAMESPACE_NOT_FOUND, ServerCommands.INDEX_NOT_FOUND));
          UniqueIndexes.forget(client, namespace, name);
        }));
  }
}
