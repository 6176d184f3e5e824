package io.c2csync.connector.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonDocument;
import org.bson.BsonString;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;

import io.c2csync.connector.topics.ChangeEventFormat;

/**
 * The initial copy of one sync group, restartable per collection: the selected collections in
 * name order, each as a {@code create} event (with its options), then its documents as inserts;
 * indexes before or after the data per {@link BuildIndexes}. Every record carries a
 * {@link CopyOffset} with the resume token taken before the first copy.
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
  private MongoCursor<BsonDocument> cursor;
  private boolean indexesAfterCopyEmitted;

  /** @param from the namespace a restarted copy resumes at (copied again), or null for a fresh copy */
  CollectionCopy(MongoClient client, NamespaceSelection selection, BuildIndexes buildIndexes,
      Function<BsonDocument, String> topicFor, Map<String, Object> partition, BsonDocument resumeToken, String from) {
    this.client = client;
    this.topicFor = topicFor;
    this.partition = partition;
    this.resumeToken = resumeToken;
    this.buildIndexes = buildIndexes;
    this.all = selectedCollections(client, selection);
    this.remaining = new ArrayDeque<>(all.stream()
        .filter(c -> from == null || c.namespace().getFullName().compareTo(from) >= 0).toList());
  }

  static List<SourceCollection> selectedCollections(MongoClient client, NamespaceSelection selection) {
    List<SourceCollection> collections = new ArrayList<>();
    for (String database : client.listDatabaseNames()) {
      for (BsonDocument info : client.getDatabase(database).listCollections(BsonDocument.class)) {
        String name = info.getString("name").getValue();
        if (selection.selects(database, name)) {
          collections.add(new SourceCollection(new MongoNamespace(database, name),
              info.getString("type", new BsonString("collection")).getValue(),
              info.getDocument("options", new BsonDocument())));
        }
      }
    }
    collections.sort(Comparator.comparing(c -> c.namespace().getFullName()));
    return collections;
  }

  List<SourceRecord> poll(int maxRecords) {
    List<SourceRecord> records = new ArrayList<>();
    while (records.size() < maxRecords) {
      if (cursor != null && cursor.hasNext()) {
        records.add(record(CopyEvents.insert(current.namespace(), cursor.next())));
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
    return cursor == null && remaining.isEmpty()
        && (buildIndexes != BuildIndexes.AFTER_DATA_COPY || indexesAfterCopyEmitted);
  }

  private void startNext(List<SourceRecord> records) {
    current = remaining.poll();
    records.add(record(CopyEvents.create(current)));
    if (buildIndexes == BuildIndexes.BEFORE_DATA_COPY) {
      addIndexes(current, records);
    }
    if (current.holdsDocuments()) {
      cursor = client.getDatabase(current.namespace().getDatabaseName())
          .getCollection(current.namespace().getCollectionName(), BsonDocument.class).find().iterator();
    }
  }

  private void addIndexes(SourceCollection collection, List<SourceRecord> records) {
    if (!collection.holdsDocuments()) {
      return;
    }
    List<BsonDocument> indexes = new ArrayList<>();
    MongoNamespace namespace = collection.namespace();
    for (BsonDocument index : client.getDatabase(namespace.getDatabaseName())
        .getCollection(namespace.getCollectionName()).listIndexes(BsonDocument.class)) {
      if (!"_id_".equals(index.getString("name").getValue())) {
        index.remove("ns");
        indexes.add(index);
      }
    }
    if (!indexes.isEmpty()) {
      records.add(record(CopyEvents.createIndexes(namespace, indexes)));
    }
  }

  private SourceRecord record(BsonDocument event) {
    String namespace = current == null ? "" : current.namespace().getFullName();
    return new SourceRecord(partition, new CopyOffset(resumeToken, namespace).toMap(), topicFor.apply(event),
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
