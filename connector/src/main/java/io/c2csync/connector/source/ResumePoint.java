package io.c2csync.connector.source;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.errors.ConnectException;
import org.bson.BsonDocument;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;

/** The resume token of "now" on the source's cluster-wide change stream, taken before the copy. */
final class ResumePoint {

  private static final long FIRST_BATCH_WAIT_MILLIS = 10;

  private ResumePoint() {}

  static BsonDocument current(MongoClient client, List<BsonDocument> pipeline) {
    try (MongoChangeStreamCursor<?> cursor = client.watch(pipeline, BsonDocument.class).batchSize(0)
        .maxAwaitTime(FIRST_BATCH_WAIT_MILLIS, TimeUnit.MILLISECONDS).cursor()) {
      // the driver caches the postBatchResumeToken only while iterating: a new cursor has none yet; any getMore
      // answers with one, so it need not wait for events (the server's default would hold it a second).
      // An event returned here happened before the copy reads, so resuming after it loses nothing.
      cursor.tryNext();
      BsonDocument token = cursor.getResumeToken();
      if (token == null) {
        throw new ConnectException("the source returned no resume token (postBatchResumeToken) for a new change "
            + "stream; c2c-sync needs a replica set running MongoDB 6.0 or later");
      }
      return token;
    }
  }
}
