package io.c2csync.connector.source;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.errors.ConnectException;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * The resume token of "now" on the source's cluster-wide change stream, taken before the copy: the
 * {@code postBatchResumeToken} of the opening aggregate's empty first batch. (The driver's
 * {@code MongoChangeStreamCursor.getResumeToken()} is null until the first getMore, and a getMore
 * that returns an event would move the token past that event.)
 */
final class ResumePoint {

  private ResumePoint() {}

  static BsonDocument current(MongoClient client, List<BsonDocument> pipeline) {
    MongoDatabase admin = client.getDatabase("admin");
    List<BsonDocument> stages = new ArrayList<>();
    stages.add(new BsonDocument("$changeStream", new BsonDocument("allChangesForCluster", BsonBoolean.TRUE)));
    stages.addAll(pipeline);
    BsonDocument cursor = admin.runCommand(new BsonDocument("aggregate", new BsonInt32(1))
        .append("pipeline", new BsonArray(stages))
        .append("cursor", new BsonDocument("batchSize", new BsonInt32(0))), BsonDocument.class)
        .getDocument("cursor");
    long id = cursor.getNumber("id", new BsonInt64(0)).longValue();
    if (id != 0) {
      String namespace = cursor.getString("ns").getValue();
      admin.runCommand(new BsonDocument("killCursors", new BsonString(namespace.substring(namespace.indexOf('.') + 1)))
          .append("cursors", new BsonArray(List.of(new BsonInt64(id)))));
    }
    if (!cursor.isDocument("postBatchResumeToken")) {
      throw new ConnectException("the source returned no resume token (postBatchResumeToken) for a new change "
          + "stream; c2c-sync needs a replica set running MongoDB 6.0 or later");
    }
    return cursor.getDocument("postBatchResumeToken");
  }
}
