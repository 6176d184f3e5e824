package io.c2csync.connector.sink;

import java.util.Set;

import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;

/** Runs a DDL command; the listed error codes mean "already done" on a replay and are logged. */
final class ServerCommands {

  static final int NAMESPACE_NOT_FOUND = 26;
  static final int INDEX_NOT_FOUND = 27;
  static final int NAMESPACE_EXISTS = 48;
  private static final Logger LOGGER = LoggerFactory.getLogger(ServerCommands.class);

  private ServerCommands() {}

  static void run(MongoClient client, String database, BsonDocument command, Set<Integer> alreadyDoneCodes) {
    try {
      client.getDatabase(database).runCommand(command, BsonDocument.class);
    } catch (MongoCommandException e) {
      if (!alreadyDoneCodes.contains(e.getErrorCode())) {
        throw e;
      }
      LOGGER.info("{} on {}: already applied ({} {})", command.getFirstKey(), database, e.getErrorCode(), e.getErrorCodeName());
    }
  }
}
