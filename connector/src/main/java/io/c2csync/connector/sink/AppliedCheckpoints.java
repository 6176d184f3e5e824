package io.c2csync.connector.sink;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

import io.c2csync.connector.topics.MarkerNamespace;

/**
 * The Kafka offset applied last per topic partition, kept on the destination in
 * {@code __c2c_sync.checkpoints}: written after every DDL and after every batch. Everything up to
 * it was applied, in order, so a redelivery after a crash skips it: a replayed rename or drop
 * never runs against a destination that has moved past it, no CRUD from before a DDL lands after
 * it, and an update is not re-applied to a document that has since changed shape. Only a crash
 * between a batch's writes and its checkpoint replays that batch; its writes are idempotent.
 */
final class AppliedCheckpoints {

  private final MongoCollection<BsonDocument> collection;
  private final Map<TopicPartition, Long> offsets = new HashMap<>();

  AppliedCheckpoints(MongoClient client) {
    collection = client.getDatabase(MarkerNamespace.DATABASE)
        .getCollection(MarkerNamespace.CHECKPOINTS, BsonDocument.class);
  }

  boolean alreadyApplied(TopicPartition partition, long offset) {
    return offset <= offsets.computeIfAbsent(partition, this::load);
  }

  /** @param last what was applied last (a DDL, or "batch") */
  void record(TopicPartition partition, long offset, String last) {
    BsonDocument id = id(partition);
    collection.replaceOne(id, id.clone()
            .append("offset", new BsonInt64(offset))
            .append("last", new BsonString(last))
            .append("appliedAt", new BsonDateTime(System.currentTimeMillis())),
        new ReplaceOptions().upsert(true));
    offsets.put(partition, offset);
  }

  private long load(TopicPartition partition) {
    BsonDocument checkpoint = collection.find(id(partition)).first();
    return checkpoint == null ? -1 : checkpoint.getInt64("offset").getValue();
  }

  private static BsonDocument id(TopicPartition partition) {
    return new BsonDocument("_id", new BsonString(partition.topic() + "/" + partition.partition()));
  }
}
