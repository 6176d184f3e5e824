package io.c2csync.connector.sink;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.RecordHeaders;
import io.c2csync.connector.topics.SyncGroupTopic;

/**
 * Applies a batch of records in order: CRUD is buffered into ordered bulk writes per run of one
 * collection (grouped by kind, {@link WriteKindGrouping}, with each document's writes in source
 * order); before any DDL the buffer is flushed, the DDL runs alone, then is checkpointed;
 * the batch's end is checkpointed too ({@link AppliedCheckpoints}). A rename between two sync
 * groups waits for the other group's sink ({@link CrossGroupRenames}).
 */
public final class ChangeEventApplier {

  private static final Logger LOGGER = LoggerFactory.getLogger(ChangeEventApplier.class);

  private final MongoClient client;
  private final OperationMap operations;
  private final AppliedCheckpoints checkpoints;
  private final Incarnations incarnations;
  private final CrossGroupRenames crossGroupRenames;
  private final NamespaceSelection selection;

  /** @param syncSelection the whole sync's namespaces, {@code selection} this group's */
  public ChangeEventApplier(MongoClient client, NamespaceSelection selection, NamespaceSelection syncSelection) {
    this.client = client;
    this.selection = selection;
    this.incarnations = new Incarnations(client);
    this.operations = new OperationMap(selection, syncSelection, incarnations);
    this.checkpoints = new AppliedCheckpoints(client);
    this.crossGroupRenames = new CrossGroupRenames(client, incarnations);
  }

  public void apply(Collection<SinkRecord> records) {
    PendingWrites pending = new PendingWrites();
    Map<TopicPartition, Long> lastOffsets = new LinkedHashMap<>();
    for (SinkRecord record : records) {
      TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
      if (checkpoints.alreadyApplied(partition, record.kafkaOffset())) {
        continue;
      }
      ChangeEvent event = incarnations.located(decode(record), selection);
      SinkAction action = operations.toAction(event);
      if (action instanceof SinkAction.CrossGroupRename rename) {
        flush(pending);
        meet(rename, partition, record.kafkaOffset());
      } else if (!incarnations.admits(event)) {
        LOGGER.debug("Skipping {}: the destination holds another incarnation of {}", event.origin(), event.document().get("ns"));
      } else if (action instanceof SinkAction.Writes writes) {
        pending.add(writes);
      } else if (action instanceof SinkAction.Step step) {
        flush(pending);
        run(step);
        incarnations.applied(event);
        if (step.checkpointed()) {
          checkpoints.record(partition, record.kafkaOffset(), step.description());
        }
      }
      lastOffsets.put(partition, record.kafkaOffset());
    }
    flush(pending);
    lastOffsets.forEach((partition, offset) -> checkpoints.record(partition, offset, "batch"));
  }

  private void flush(PendingWrites pending) {
    for (PendingWrites.Run run : pending.drain()) {
      try {
        RunWriter.write(client.getDatabase(run.namespace().getDatabaseName())
            .getCollection(run.namespace().getCollectionName(), BsonDocument.class), WriteKindGrouping.grouped(run.models()));
      } catch (MongoException e) {
        throw DestinationErrors.classify(e, run.models().size() + " writes to " + run.namespace());
      }
    }
  }

  /**
   * Everything before the rename is checkpointed first: once the other group moves on, a
   * redelivery must not replay older writes into the renamed collection.
   */
  private void meet(SinkAction.CrossGroupRename rename, TopicPartition partition, long offset) {
    checkpoints.record(partition, offset - 1, "everything before " + rename.description());
    try {
      crossGroupRenames.meet(rename, SyncGroupTopic.parse(partition.topic()).syncId());
    } catch (MongoException e) {
      throw DestinationErrors.classify(e, rename.description());
    }
    checkpoints.record(partition, offset, rename.description());
  }

  private void run(SinkAction.Step step) {
    try {
      step.apply().accept(client);
    } catch (MongoException e) {
      throw DestinationErrors.classify(e, step.description());
    }
  }

  static ChangeEvent decode(SinkRecord record) {
    String origin = record.topic() + "/" + record.kafkaPartition() + "@" + record.kafkaOffset();
    Header format = record.headers().lastWithName(RecordHeaders.FORMAT);
    if (format == null || !ChangeEventFormat.FORMAT_ID.equals(String.valueOf(format.value()))) {
      throw new ConnectException("record " + origin + " has " + RecordHeaders.FORMAT + " header "
          + (format == null ? "missing" : "'" + format.value() + "'") + ", expected '" + ChangeEventFormat.FORMAT_ID
          + "': it was not produced by a c2c-sync source connector of this version");
    }
    if (!(record.value() instanceof byte[] bytes)) {
      throw new ConnectException("record " + origin + " value is "
          + (record.value() == null ? "null" : record.value().getClass().getName())
          + ", expected BSON bytes (value.converter=" + ChangeEventFormat.CONVERTER_CLASS + ")");
    }
    return new ChangeEvent(ChangeEventFormat.decode(bytes), origin);
  }
}
