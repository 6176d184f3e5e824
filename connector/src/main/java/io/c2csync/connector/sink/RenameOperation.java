package io.c2csync.connector.sink;

import java.util.ArrayList;
import java.util.Set;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;

import io.c2csync.connector.topics.NamespaceSelection;

/**
 * rename (also across databases). The source's rename succeeded, so a target that existed there
 * was dropped ({@code operationDescription.dropTarget}); we drop it likewise. A missing source
 * collection means the rename was already applied (replay right after it). A rename into or out
 * of this group's namespaces fails: the moved collection's earlier and later events travel on
 * different topics, whose order no sink can restore (and data renamed in was never copied).
 */
public final class RenameOperation implements ChangeOperation {

  private static final Logger LOGGER = LoggerFactory.getLogger(RenameOperation.class);

  private final NamespaceSelection selection;

  public RenameOperation(NamespaceSelection selection) {
    this.selection = selection;
  }

  @Override
  public SinkAction toAction(ChangeEvent event) {
    MongoNamespace from = event.namespace();
    MongoNamespace to = event.renameTarget();
    boolean fromSelected = selection.selects(from.getDatabaseName(), from.getCollectionName());
    boolean toSelected = selection.selects(to.getDatabaseName(), to.getCollectionName());
    if (fromSelected != toSelected) {
      throw new UnsupportedChangeEventException("change event " + event.origin() + " renames " + from + " to " + to
          + ", " + (fromSelected ? "out of" : "into") + " this sync group's namespaces. c2c-sync cannot apply it without "
          + "losing order or data: start the sync again with both namespaces in one group (same filters).");
    }
    boolean dropTarget = event.operationDescriptionOrEmpty().containsKey("dropTarget");
    BsonDocument command = new BsonDocument("renameCollection", new BsonString(from.getFullName()))
        .append("to", new BsonString(to.getFullName()))
        .append("dropTarget", BsonBoolean.valueOf(dropTarget));
    return new SinkAction.Step("rename " + from + " to " + to + (dropTarget ? " (dropTarget)" : ""), true,
        client -> {
          if (exists(client, from)) {
            ServerCommands.run(client, "admin", command, Set.of(ServerCommands.NAMESPACE_NOT_FOUND));
          } else {
            LOGGER.info("rename {} to {}: {} does not exist, already applied", from, to, from);
          }
        });
  }

  private static boolean exists(MongoClient client, MongoNamespace namespace) {
    return client.getDatabase(namespace.getDatabaseName()).listCollectionNames().into(new ArrayList<>())
        .contains(namespace.getCollectionName());
  }
}
