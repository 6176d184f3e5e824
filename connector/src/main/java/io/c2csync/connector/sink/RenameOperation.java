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

/**
 * rename (also across databases). The source's rename succeeded, so a target that existed there
 * was dropped ({@code operationDescription.dropTarget}); we drop it likewise. A missing source
 * collection means the rename was already applied (replay right after it).
 */
public final class RenameOperation implements ChangeOperation {

  private static final Logger LOGGER = LoggerFactory.getLogger(RenameOperation.class);

  @Override
  public SinkAction toAction(ChangeEvent event) {
    MongoNamespace from = event.namespace();
    MongoNamespace to = event.renameTarget();
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
