package io.c2csync.connector.sink;

import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonString;

import com.mongodb.MongoNamespace;

/**
 * create, with the options the event carries in {@code operationDescription} (capped, validator,
 * collation, timeseries, clusteredIndex, view definitions...) passed through to the create command.
 */
public final class CreateOperation implements ChangeOperation {

  private static final String ID_INDEX = "idIndex";
  private static final BsonDocument DEFAULT_ID_INDEX = BsonDocument.parse("{v: 2, key: {_id: 1}, name: '_id_'}");

  @Override
  public SinkAction toAction(ChangeEvent event) {
    MongoNamespace namespace = event.namespace();
    BsonDocument command = new BsonDocument("create", new BsonString(namespace.getCollectionName()));
    command.putAll(event.operationDescriptionOrEmpty());
    if (DEFAULT_ID_INDEX.equals(command.get(ID_INDEX))) {
      // the server builds exactly this one anyway; leaving it out also suits servers that reject the field
      command.remove(ID_INDEX);
    }
    return new SinkAction.Step("create " + namespace + " " + event.operationDescriptionOrEmpty().toJson(), true,
        client -> ServerCommands.run(client, namespace.getDatabaseName(), command, Set.of(ServerCommands.NAMESPACE_EXISTS)));
  }
}
