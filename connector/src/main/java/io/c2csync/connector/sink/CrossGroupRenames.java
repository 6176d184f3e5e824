package io.c2csync.connector.sink;

import java.time.Duration;
import java.util.Optional;

import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;

import io.c2csync.connector.topics.MarkerNamespace;

/**
 * Where two sync groups' sinks meet at a rename between them (e.g. across databases, with a group
 * per database). Both group topics carry the event, each in its own source order, so the rename
 * must run on the destination after both applied everything before it, and before either applies
 * anything after it. One document per rename in {@code __c2c_sync.renames} (keyed by sync id and
 * the event's resume token, the same in both streams):
 * <ol>
 * <li>the source side (the group of the old name), everything before the rename applied and
 * checkpointed, sets {@code sourceSideApplied} and waits for {@code performed};</li>
 * <li>the target side (the group of the new name), everything before it applied and
 * checkpointed, waits for {@code sourceSideApplied}, performs the rename and sets
 * {@code performed} — unless it already is (a redelivery: the source side may have moved on).</li>
 * </ol>
 * Waiting never blocks for long: {@link AwaitingSyncGroupException} makes Connect deliver the
 * records again. No deadlock: every group meets these renames in source order, so the oldest
 * pending rename always has both sides arriving.
 */
final class CrossGroupRenames {

  private static final Logger LOGGER = LoggerFactory.getLogger(CrossGroupRenames.class);
  private static final String SOURCE_SIDE_APPLIED = "sourceSideApplied";
  private static final String PERFORMED = "performed";
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 100;

  private final MongoClient client;
  private final MongoCollection<BsonDocument> meetings;
  private final Incarnations incarnations;

  CrossGroupRenames(MongoClient client, Incarnations incarnations) {
    this.client = client;
    this.meetings = client.getDatabase(MarkerNamespace.DATABASE).getCollection(MarkerNamespace.RENAMES, BsonDocument.class);
    this.incarnations = incarnations;
  }

  /** Returns once the rename is performed; throws {@link AwaitingSyncGroupException} while the other side is behind. */
  void meet(SinkAction.CrossGroupRename rename, String syncId) {
    ChangeEvent event = rename.event();
    BsonDocument id = new BsonDocument("_id", new BsonDocument("syncId", new BsonString(syncId))
        .append("event", event.require("_id", BsonType.DOCUMENT)));
    MongoNamespace from = event.namespace();
    MongoNamespace to = event.renameTarget();
    if (rename.sourceSide()) {
      mark(id, SOURCE_SIDE_APPLIED, from, to);
      await(id, PERFORMED, rename, "the sync group of " + to + " to perform it");
      incarnations.released(from.getFullName());
    } else if (!reached(id, PERFORMED)) {
      await(id, SOURCE_SIDE_APPLIED, rename, "the sync group of " + from + " to apply everything before it");
      perform(rename);
      mark(id, PERFORMED, from, to);
    }
  }

  /**
   * The destination may hold the collection under either name, or neither: each group's initial
   * copy listed the source's collections at its own moment, before or after the rename.
   */
  private void perform(SinkAction.CrossGroupRename rename) {
    ChangeEvent event = rename.event();
    MongoNamespace from = event.namespace();
    Optional<BsonBinary> uuid = event.collectionUuid();
    Optional<BsonBinary> atFrom = incarnations.stored(from.getFullName());
    Optional<BsonBinary> atTo = incarnations.stored(event.renameTarget().getFullName());
    if (uuid.isPresent() && atTo.equals(uuid)) {
      if (atFrom.equals(uuid)) {
        LOGGER.info("{}: this group's copy already holds it under the new name; dropping the old copy", rename.description());
        client.getDatabase(from.getDatabaseName()).getCollection(from.getCollectionName()).drop();
        UniqueIndexes.forgetAll(client, from);
        incarnations.released(from.getFullName());
      }
    } else if (uuid.isPresent() && atFrom.isPresent() && !atFrom.equals(uuid)) {
      LOGGER.info("{}: the destination's {} is a later incarnation (copied after the rename); nothing to move",
          rename.description(), from);
    } else {
      rename.rename().apply().accept(client);
      incarnations.applied(event);
    }
  }

  private void mark(BsonDocument id, String field, MongoNamespace from, MongoNamespace to) {
    meetings.updateOne(id, new BsonDocument("$set", new BsonDocument(field, BsonBoolean.TRUE))
            .append("$setOnInsert", new BsonDocument("from", new BsonString(from.getFullName()))
                .append("to", new BsonString(to.getFullName()))),
        new UpdateOptions().upsert(true));
  }

  private boolean reached(BsonDocument id, String field) {
    BsonDocument meeting = meetings.find(id).first();
    return meeting != null && meeting.getBoolean(field, BsonBoolean.FALSE).getValue();
  }

  private void await(BsonDocument id, String field, SinkAction.CrossGroupRename rename, String waitingFor) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!reached(id, field)) {
      if (System.nanoTime() > deadline) {
        throw new AwaitingSyncGroupException(rename.description() + " waits for " + waitingFor);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwaitingSyncGroupException("interrupted while waiting at a rename between sync groups");
    }
  }
}
