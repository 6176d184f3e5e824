package io.c2csync.connector.sink;

/** dropDatabase; dropping a database that does not exist succeeds. */
public final class DropDatabaseOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    String database = event.database();
    return new SinkAction.Step("dropDatabase " + database, true, client -> client.getDatabase(database).drop());
  }
}
