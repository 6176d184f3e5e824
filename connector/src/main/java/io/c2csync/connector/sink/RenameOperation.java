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
 * collection means the rename was already applied (replay right after it). A rename between this
 * group and another group of the sync is met by both groups' sinks ({@link CrossGroupRenames}).
 * A rename into or out of the sync's namespaces fails: data renamed in was never copied, and
 * dropping what leaves the filters is not what the user asked for.
 */
public final class RenameOperation implements ChangeOperation {

  private static final Logger LOGGER = LoggerFactory.getLogger(RenameOperation.class);

  private final NamespaceSelection selection;
  private final NamespaceSelection syncSelection;

  /** @param syncSelection the whole sync's namespaces, {@code selection} this group's */
  public RenameOperation(NamespaceSelection selection, NamespaceSelection syncSelection) {
    this.selection = selection;
    this.syncSelection = syncSelection;
  }

  @Override
  public SinkAction toAction(ChangeEvent event) {
    MongoNamespace from = event.namespace();
    MongoNamespace to = event.renameTarget();
    boolean fromSelected = selection.selects(from.getDatabaseName(), from.getCollectionName());
    boolean toSelected = selection.selects(to.getDatabaseName(), to.getCollectionName());
    SinkAction.Step rename = step(event, from, to);
    if (fromSelected == toSelected) {
      return rename;
    }
    MongoNamespace elsewhere = fromSelected ? to : from;
    if (!syncSelection.selects(elsewhere.getDatabaseName(), elsewhere.getCollectionName())) {
      throw new UnsupportedChangeEventException("change event " + event.origin() + " renames " + from + " to " + to
          + ", " + (fromSelected ? "out of" : "into") + " this sync's namespaces. c2c-sync cannot apply it without "
          + "losing data: start the sync again with filters that hold both namespaces.");
    }
    return new SinkAction.CrossGroupRename(event, fromSelected, rename);
  }

  private static SinkAction.Step step(ChangeEvent event, MongoNamespace from, MongoNamespace to) {
    boolean dropTarget = event.operationDescriptionOrEmpty().containsKey("dropTarget");
    BsonDocument command = new BsonDocument("renameCollection", new BsonString(from.getFullName()))
        .append("to", new BsonString(to.getFullName()))
        .append("dropTarget", BsonBoolean.valueOf(dropTarget));
    return new SinkAction.Step("rename " + from + " to " + to + (dropTarget ? " (dropTarget)" : ""), true,
        client -> {
          if (exists(client, from)) {
            UniqueIndexes.forgetAll(client, to);
            ServerCommands.run(client, "admin", command, Set.of(ServerCommands.NAMESPACE_NOT_FOUND));
          } else {
            LOGGER.info("rename {} to {}: {} does not exist, already applied", from, to, from);
          }
          UniqueIndexes.moved(client, from, to);
        });
  }

  private static boolean exists(MongoClient client, MongoNamespace namespace) {
    return client.getDatabase(namespace.getDatabaseName()).listCollectionNames().into(new ArrayList<>())
        .contains(namespace.getCollectionName());
  }
}
