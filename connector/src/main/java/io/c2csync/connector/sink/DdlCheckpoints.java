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
 * The Kafka offset of the last DDL applied per topic partition, kept on the destination in
 * {@code __c2c_sync.checkpoints}. Every record up to it was applied before it (writes are flushed
 * before a DDL), so a redelivery after a crash skips them: a replayed rename or drop never runs
 * against a destination that has moved past it, and no CRUD from before a DDL lands after it.
 */
final class DdlCheckpoints {

  private final MongoCollection<BsonDocument> collection;
  private final Map<TopicPartition, Long> offsets = new HashMap<>();

  DdlCheckpoints(MongoClient client) {
    collection = client.getDatabase(MarkerNamespace.DATABASE)
        .getCollection(MarkerNamespace.CHECKPOINTS, BsonDocument.class);
  }

  boolean alreadyApplied(TopicPartition partition, long offset) {
    return offset <= offsets.computeIfAbsent(partition, this::load);
  }

  void record(TopicPartition partition, long offset, String description) {
    BsonDocument id = id(partition);
    collection.replaceOne(id, id.clone()
            .append("offset", new BsonInt64(offset))
            .append("ddl", new BsonString(description))
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
