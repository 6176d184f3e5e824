package io.c2csync.connector.sink;

import com.mongodb.MongoNamespace;

/** drop; dropping a collection that does not exist succeeds. */
public final class DropOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    MongoNamespace namespace = event.namespace();
    return new SinkAction.Step("drop " + namespace, true,
        client -> client.getDatabase(namespace.getDatabaseName()).getCollection(namespace.getCollectionName()).drop());
  }
}
