package io.c2csync.connector.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.NamespaceSelection;

/**
 * The initial copy of one sync group, restartable where it stopped: the selected collections in
 * the order of {@link CopyOffset#position} (views by name, then collections by UUID), each as a
 * {@code create} event (with its options), then its documents in {@code _id} order as inserts;
 * indexes before or after the data per {@link BuildIndexes}. A copy from a new resume point (no
 * stored offset) starts with a {@code FRESH_COPY} event, so the sink drops what an earlier sync of
 * the group left on the destination. Every record carries a {@link CopyOffset}: the resume token
 * taken before the first copy and the collection and {@code _id} reached.
 */
final class CollectionCopy implements AutoCloseable {

  private final MongoClient client;
  private final Function<BsonDocument, String> topicFor;
  private final Map<String, Object> partition;
  private final BsonDocument resumeToken;
  private final BuildIndexes buildIndexes;
  private final List<SourceCollection> all;
  private final Deque<SourceCollection> remaining;
  private SourceCollection current;
  private BsonValue resumeAfterId;
  /** Raw: each document's bytes go into its event as they came from the server, never decoded. */
  private MongoCursor<RawBsonDocument> cursor;
  private boolean indexesAfterCopyEmitted;
  private boolean freshCopyPending;

  /** @param from where a restarted copy resumes, or null for a fresh copy */
  CollectionCopy(MongoClient client, NamespaceSelection selection, BuildIndexes buildIndexes,
      Function<BsonDocument, String> topicFor, Map<String, Object> partition, BsonDocument resumeToken, CopyOffset from) {
    this.client = client;
    this.topicFor = topicFor;
    this.partition = partition;
    this.resumeToken = resumeToken;
    this.buildIndexes = buildIndexes;
    this.all = selectedCollections(client, selection);
    this.remaining = new ArrayDeque<>(from == null ? all : notDoneBefore(all, from));
    this.freshCopyPending = from == null;
    this.resumeAfterId = from == null || remaining.isEmpty()
        || !remaining.peek().copyPosition().equals(from.position()) ? null : from.lastId();
  }

  /** What a copy started again at {@code from} still has to copy: {@code from}'s collection (under any name now) and those after it. */
  static List<SourceCollection> notDoneBefore(List<SourceCollection> all, CopyOffset from) {
    return all.stream().filter(c -> c.copyPosition().compareTo(from.position()) >= 0).toList();
  }

  static List<SourceCollection> selectedCollections(MongoClient client, NamespaceSelection selection) {
    List<SourceCollection> collections = new ArrayList<>();
    for (String database : client.listDatabaseNames()) {
      for (BsonDocument info : client.getDatabase(database).listCollections(BsonDocument.class)) {
        String name = info.getString("name").getValue();
        if (selection.selects(database, name)) {
          collections.add(new SourceCollection(new MongoNamespace(database, name),
              info.getString("type", new BsonString("collection")).getValue(),
              info.getDocument("options", new BsonDocument()),
              info.getDocument("info", new BsonDocument()).get("uuid")));
        }
      }
    }
    collections.sort(Comparator.comparing(SourceCollection::copyPosition));
    return collections;
  }

  List<SourceRecord> poll(int maxRecords) {
    List<SourceRecord> records = new ArrayList<>();
    while (records.size() < maxRecords) {
      if (freshCopyPending) {
        records.add(record(CopyEvents.freshCopy(), null));
        freshCopyPending = false;
      } else if (cursor != null && cursor.hasNext()) {
        RawBsonDocument document = cursor.next();
        records.add(record(CopyEvents.insert(current, document), document.get("_id")));
      } else if (cursor != null) {
        cursor.close();
        cursor = null;
      } else if (!remaining.isEmpty()) {
        startNext(records);
      } else if (buildIndexes == BuildIndexes.AFTER_DATA_COPY && !indexesAfterCopyEmitted) {
        all.forEach(collection -> addIndexes(collection, records));
        indexesAfterCopyEmitted = true;
      } else {
        break;
      }
    }
    return records;
  }

  boolean done() {
    return !freshCopyPending && cursor == null && remaining.isEmpty()
        && (buildIndexes != BuildIndexes.AFTER_DATA_COPY || indexesAfterCopyEmitted);
  }

  private void startNext(List<SourceRecord> records) {
    current = remaining.poll();
    BsonDocument filter = resumeAfterId == null ? new BsonDocument() : IdOrder.after(resumeAfterId).orElse(new BsonDocument());
    resumeAfterId = null;
    records.add(record(CopyEvents.create(current), null));
    if (buildIndexes == BuildIndexes.BEFORE_DATA_COPY) {
      addIndexes(current, records);
    }
    Optional<MongoNamespace> now = whereNow(current);
    if (current.holdsDocuments() && now.isPresent()) {
      cursor = client.getDatabase(now.get().getDatabaseName())
          .getCollection(now.get().getCollectionName(), RawBsonDocument.class)
          .find(filter).sort(new BsonDocument("_id", new BsonInt32(1))).iterator();
    }
  }

  /**
   * Where the listed collection is now. A collection renamed after the listing keeps its UUID:
   * its documents are read under the new name and sent under the listed one (the stream replays
   * the rename after them). One whose UUID left its database (dropped, or renamed into another
   * database) has nothing to copy: the stream brings the drop or the rename. Without a UUID (a
   * server that reports none) the listed name is all there is.
   */
  private Optional<MongoNamespace> whereNow(SourceCollection collection) {
    MongoNamespace listed = collection.namespace();
    if (collection.uuid() == null) {
      return Optional.of(listed);
    }
    BsonDocument info = client.getDatabase(listed.getDatabaseName()).listCollections(BsonDocument.class)
        .filter(new BsonDocument("info.uuid", collection.uuid())).first();
    return Optional.ofNullable(info).map(i -> new MongoNamespace(listed.getDatabaseName(), i.getString("name").getValue()));
  }

  private void addIndexes(SourceCollection collection, List<SourceRecord> records) {
    if (!collection.holdsDocuments()) {
      return;
    }
    Optional<MongoNamespace> now = whereNow(collection);
    if (now.isEmpty()) {
      return;
    }
    List<BsonDocument> indexes = new ArrayList<>();
    for (BsonDocument index : client.getDatabase(now.get().getDatabaseName())
        .getCollection(now.get().getCollectionName()).listIndexes(BsonDocument.class)) {
      if (!"_id_".equals(index.getString("name").getValue())) {
        index.remove("ns");
        indexes.add(index);
      }
    }
    if (!indexes.isEmpty()) {
      records.add(record(CopyEvents.createIndexes(collection, indexes), null));
    }
  }

  /** @param lastId the _id of the copied document, null for the events before the collection's documents */
  private SourceRecord record(BsonDocument event, BsonValue lastId) {
    String namespace = current == null ? "" : current.namespace().getFullName();
    String uuid = current == null ? null : current.uuidHex();
    return new SourceRecord(partition, new CopyOffset(resumeToken, namespace, uuid, lastId).toMap(), topicFor.apply(event),
        Schema.BYTES_SCHEMA, ChangeEventFormat.encode(new BsonDocument("_id", event.get("_id"))),
        Schema.BYTES_SCHEMA, ChangeEventFormat.encode(event));
  }

  @Override
  public void close() {
    if (cursor != null) {
      cursor.close();
    }
  }
}
