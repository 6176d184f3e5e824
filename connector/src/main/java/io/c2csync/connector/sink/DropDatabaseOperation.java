package io.c2csync.connector.sink;

import java.util.ArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import io.c2csync.connector.topics.NamespaceSelection;

/**
 * dropDatabase: drops this group's collections of the database on the destination, one by one.
 * When one database is split across sync groups, each group's sink drops only its own part, so a
 * slower group never loses collections another group already wrote to again. The server sends a
 * drop event for each collection first; a collection still holding a known incarnation after
 * those is one the copy saw later (a replay is behind it) and stays.
 */
public final class DropDatabaseOperation implements ChangeOperation {

  private final NamespaceSelection selection;
  private final Incarnations incarnations;

  DropDatabaseOperation(NamespaceSelection selection, Incarnations incarnations) {
    this.selection = selection;
    this.incarnations = incarnations;
  }

  @Override
  public SinkAction toAction(ChangeEvent event) {
    String database = event.database();
    return new SinkAction.Step("dropDatabase " + database, true, client -> dropSelected(client, database));
  }

  private void dropSelected(MongoClient client, String database) {
    MongoDatabase db = client.getDatabase(database);
    for (String collection : db.listCollectionNames().into(new ArrayList<>())) {
      if (selection.selects(database, collection) && !incarnations.keepsOnDropDatabase(database + "." + collection)) {
        db.getCollection(collection).drop();
      }
    }
  }
}
