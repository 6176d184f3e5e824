package io.c2csync.connector.sink;

import java.util.ArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.NamespaceSelection;

/**
 * {@link ChangeEventFormat#FRESH_COPY}: the copy starts again from a new resume point (the first
 * start, or a source connector that lost its offsets). What the destination holds of this group
 * predates that point, and the changes made in between (deletes, drops) will never come, so every
 * collection and view of the group is dropped there, with what the sink kept about them
 * (incarnations, recorded unique indexes); the copy and the stream after it fill them again.
 */
public final class FreshCopyOperation implements ChangeOperation {

  private final NamespaceSelection selection;
  private final Incarnations incarnations;

  FreshCopyOperation(NamespaceSelection selection, Incarnations incarnations) {
    this.selection = selection;
    this.incarnations = incarnations;
  }

  @Override
  public SinkAction toAction(ChangeEvent event) {
    if (!event.fromCopy()) {
      throw event.malformed("only the copy emits " + ChangeEventFormat.FRESH_COPY + ", but this event's _id has no copyingData");
    }
    return new SinkAction.Step("fresh copy: drop this group's collections on the destination", true, this::dropSelected);
  }

  private void dropSelected(MongoClient client) {
    for (String database : client.listDatabaseNames().into(new ArrayList<>())) {
      if (selection.selects(database, null)) {
        MongoDatabase db = client.getDatabase(database);
        for (String collection : db.listCollectionNames().into(new ArrayList<>())) {
          if (selection.selects(database, collection)) {
            db.getCollection(collection).drop();
          }
        }
      }
    }
    incarnations.releaseSelected(selection);
    UniqueIndexes.forgetSelected(client, selection);
  }
}
