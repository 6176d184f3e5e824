package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.c2csync.connector.sink.C2cSinkTask;
import io.c2csync.connector.topics.BsonSamples;
import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.RecordHeaders;
import io.c2csync.connector.topics.SelectionConfig;

/**
 * Our copy's records fed straight into our sink task (Kafka and Connect left out): the destination
 * ends up with the source's documents, collections and indexes (unique ones built non-unique).
 */
class CopyToSinkRoundTripTest {

  private static final NamespaceSelection CRM = new NamespaceSelection(List.of(NamespaceFilter.database("crm")), List.of());

  private final List<MongoServer> servers = new ArrayList<>();
  private final List<MongoClient> clients = new ArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(MongoClient::close);
    servers.forEach(MongoServer::shutdownNow);
  }

  private String startServer() {
    MongoServer server = new MongoServer(new MemoryBackend());
    servers.add(server);
    var address = server.bind();
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  private MongoClient client(String uri) {
    MongoClient client = MongoClients.create(uri);
    clients.add(client);
    return client;
  }

  @Test
  void destinationEqualsSourceAfterTheCopy() {
    MongoClient source = client(startServer());
    String destinationUri = startServer();
    var people = source.getDatabase("hr").getCollection("people", BsonDocument.class);
    people.insertOne(BsonSamples.storableByStockMongoJavaServer());
    people.insertOne(BsonDocument.parse("{_id: 'b', email: 'b@x', nested: {a: [1, {b: 2}]}}"));
    people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email_1"));
    source.getDatabase("hr").createCollection("empty");

    C2cSinkTask sink = startSink(destinationUri, NamespaceSelection.ALL);
    try {
      sink.put(asSinkRecords(copyAll(source, NamespaceSelection.ALL), 0));
    } finally {
      sink.stop();
    }

    MongoClient destination = client(destinationUri);
    assertThat(destination.getDatabase("hr").listCollectionNames().into(new ArrayList<>()))
        .containsExactlyInAnyOrder("people", "empty");
    assertThat(destination.getDatabase("hr").getCollection("people", BsonDocument.class).find().into(new ArrayList<>()))
        .containsExactlyInAnyOrderElementsOf(people.find().into(new ArrayList<>()));
    assertThat(destination.getDatabase("hr").getCollection("people").listIndexes(BsonDocument.class).into(new ArrayList<>()))
        .anySatisfy(index -> {
          assertThat(index.getString("name").getValue()).isEqualTo("email_1");
          assertThat(index.containsKey("unique")).isFalse();
        });
    assertThat(destination.getDatabase("__c2c_sync").getCollection("uniqueIndexes", BsonDocument.class).countDocuments())
        .isEqualTo(1);
  }

  @Test
  void aCopyFromANewResumePointReplacesWhatAnEarlierSyncLeftOnTheDestination() {
    MongoClient source = client(startServer());
    String destinationUri = startServer();
    NamespaceSelection hr = new NamespaceSelection(List.of(NamespaceFilter.database("hr")), List.of());
    var people = source.getDatabase("hr").getCollection("people", BsonDocument.class);
    people.insertMany(List.of(BsonDocument.parse("{_id: 1, email: 'a@x'}"), BsonDocument.parse("{_id: 2, email: 'b@x'}")));
    people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email_1"));
    source.getDatabase("hr").getCollection("dropped", BsonDocument.class).insertOne(BsonDocument.parse("{_id: 1}"));
    MongoClient destination = client(destinationUri);
    destination.getDatabase("other").getCollection("notInTheGroup", BsonDocument.class).insertOne(BsonDocument.parse("{_id: 1}"));

    C2cSinkTask sink = startSink(destinationUri, hr);
    try {
      List<SinkRecord> firstCopy = asSinkRecords(copyAll(source, hr), 0);
      sink.put(firstCopy);
      // then the source connector loses its offsets; changes made meanwhile reach no change stream
      people.deleteOne(BsonDocument.parse("{_id: 2}"));
      people.dropIndex("email_1");
      source.getDatabase("hr").getCollection("dropped").drop();
      sink.put(asSinkRecords(copyAll(source, hr), firstCopy.size()));
    } finally {
      sink.stop();
    }

    assertThat(destination.getDatabase("hr").listCollectionNames().into(new ArrayList<>())).containsExactly("people");
    assertThat(destination.getDatabase("hr").getCollection("people", BsonDocument.class).find().into(new ArrayList<>()))
        .containsExactly(BsonDocument.parse("{_id: 1, email: 'a@x'}"));
    assertThat(destination.getDatabase("hr").getCollection("people").listIndexes(BsonDocument.class).into(new ArrayList<>()))
        .extracting(index -> index.getString("name").getValue()).containsExactly("_id_");
    assertThat(destination.getDatabase("__c2c_sync").getCollection("uniqueIndexes", BsonDocument.class).countDocuments())
        .isZero();
    assertThat(destination.getDatabase("other").getCollection("notInTheGroup").countDocuments()).isEqualTo(1);
  }

  /**
   * The fault matrix's case (kill -9 of the worker during the copy, found by RuntimeFaultsTest): the
   * copy is started again at the collection it had reached; meanwhile a collection was created and
   * renamed (after the resume token, so the stream brings both), and the copy started again lists
   * it under its new name for its indexes. The replayed stream then creates it under its first name
   * and renames it onto the new one.
   */
  @Test
  void aCopyStartedAgainAfterACrashAndTheReplayedCreateAndRenameOfALaterCollection() {
    MongoClient source = client(startServer());
    String destinationUri = startServer();
    source.getDatabase("crm").getCollection("c0", BsonDocument.class)
        .insertMany(List.of(BsonDocument.parse("{_id: 1, qty: 1}"), BsonDocument.parse("{_id: 2, qty: 2}")));
    source.getDatabase("crm").getCollection("tmp-6", BsonDocument.class).insertOne(BsonDocument.parse("{_id: 1}"));

    List<SourceRecord> firstRun = copyUntil(source, CRM, null, "crm.tmp-6");
    var created = source.getDatabase("crm").getCollection("tmp-12", BsonDocument.class);
    created.insertOne(BsonDocument.parse("{_id: 'a', x: 1}"));
    created.createIndex(Indexes.ascending("x"));
    created.renameCollection(new MongoNamespace("crm", "tmp-12-renamed"));
    List<SourceRecord> secondRun = copyUntil(source, CRM, lastOffset(firstRun), null);
    BsonBinary uuid = uuid(12);
    Map<String, BsonBinary> listed = Map.of("crm.c0", uuid(1), "crm.tmp-6", uuid(6), "crm.tmp-12-renamed", uuid);
    assertThat(describe(secondRun)).as("the copy started again names the renamed collection for its indexes")
        .contains("createIndexes crm.tmp-12-renamed");
    List<BsonDocument> replayed = List.of(
        streamEvent("create", "crm", "tmp-12", uuid, "{}"),
        streamEvent("insert", "crm", "tmp-12", uuid, "{documentKey: {_id: 'a'}, fullDocument: {_id: 'a', x: 1}}"),
        streamEvent("createIndexes", "crm", "tmp-12", uuid,
            "{operationDescription: {indexes: [{v: 2, key: {x: 1}, name: 'x_1'}]}}"),
        streamEvent("rename", "crm", "tmp-12", uuid, "{to: {db: 'crm', coll: 'tmp-12-renamed'}, "
            + "operationDescription: {to: {db: 'crm', coll: 'tmp-12-renamed'}}}"));

    applyInOrder(destinationUri, CRM, withUuids(firstRun, listed), withUuids(secondRun, listed), replayed);

    assertSameCollections(source, client(destinationUri), "crm");
  }

  /**
   * The collection being copied at the crash is renamed before the copy starts again: the copy
   * started again reads it whole under its new name, the destination holds its first part under
   * the old one, and the replayed rename moves it. Nothing of it may be lost.
   */
  @Test
  void aCollectionRenamedWhileTheCopyOfItWasInterrupted() {
    MongoClient source = client(startServer());
    String destinationUri = startServer();
    var big = source.getDatabase("crm").getCollection("big", BsonDocument.class);
    for (int id = 1; id <= 5; id++) {
      big.insertOne(new BsonDocument("_id", new BsonInt32(id)));
    }

    List<SourceRecord> firstRun = new ArrayList<>();
    try (CollectionCopy copy = new CollectionCopy(source, CRM, BuildIndexes.AFTER_DATA_COPY,
        event -> "c2c-sync.s1.g1", Map.of("ns", "c2c-sync.s1.g1"), CollectionCopyTest.TOKEN, null)) {
      firstRun.addAll(copy.poll(4)); // fresh copy, create crm.big, _id 1 and 2: then the worker is killed
    }
    big.renameCollection(new MongoNamespace("crm", "big-renamed"));
    List<SourceRecord> secondRun = copyUntil(source, CRM, lastOffset(firstRun), null);
    BsonBinary uuid = uuid(7);
    Map<String, BsonBinary> listed = Map.of("crm.big", uuid, "crm.big-renamed", uuid);
    List<BsonDocument> replayed = List.of(streamEvent("rename", "crm", "big", uuid,
        "{to: {db: 'crm', coll: 'big-renamed'}, operationDescription: {to: {db: 'crm', coll: 'big-renamed'}}}"));

    applyInOrder(destinationUri, CRM, withUuids(firstRun, listed), withUuids(secondRun, listed), replayed);

    assertSameCollections(source, client(destinationUri), "crm");
  }

  /**
   * The copy's records from {@code from} (null: a copy from a new resume point) until the first
   * record whose offset has reached {@code stopAt} (null: to the end), as a killed worker leaves them.
   */
  private static List<SourceRecord> copyUntil(MongoClient source, NamespaceSelection selection, CopyOffset from,
      String stopAt) {
    List<SourceRecord> copied = new ArrayList<>();
    try (CollectionCopy copy = new CollectionCopy(source, selection, BuildIndexes.AFTER_DATA_COPY,
        event -> "c2c-sync.s1.g1", Map.of("ns", "c2c-sync.s1.g1"), CollectionCopyTest.TOKEN, from)) {
      while (!copy.done()) {
        for (SourceRecord record : copy.poll(1)) {
          copied.add(record);
          if (stopAt != null && stopAt.equals(offsetOf(record).namespace())) {
            return copied;
          }
        }
      }
    }
    return copied;
  }

  private static CopyOffset offsetOf(SourceRecord record) {
    @SuppressWarnings("unchecked")
    Map<String, Object> offset = (Map<String, Object>) record.sourceOffset();
    return CopyOffset.from(offset).orElseThrow();
  }

  private static CopyOffset lastOffset(List<SourceRecord> records) {
    return offsetOf(records.get(records.size() - 1));
  }

  private static List<String> describe(List<SourceRecord> records) {
    return records.stream().map(r -> ChangeEventFormat.decode((byte[]) r.value()))
        .map(e -> e.getString("operationType").getValue() + " " + e.getDocument("ns").getString("db").getValue()
            + (e.getDocument("ns").containsKey("coll") ? "." + e.getDocument("ns").getString("coll").getValue() : ""))
        .toList();
  }

  /** The source incarnation numbered {@code n}, as {@code listCollections} and the change stream give its UUID. */
  private static BsonBinary uuid(int n) {
    byte[] bytes = new byte[16];
    bytes[15] = (byte) n;
    return new BsonBinary(BsonBinarySubType.UUID_STANDARD, bytes);
  }

  /**
   * The copy's events with the UUID a server of 6.0+ reports for each listed namespace (stock
   * mongo-java-server reports none), as {@link CollectionCopy} sends them from such a server.
   */
  private static List<BsonDocument> withUuids(List<SourceRecord> records, Map<String, BsonBinary> uuidByNamespace) {
    return records.stream().map(r -> ChangeEventFormat.decode((byte[]) r.value())).map(event -> {
      BsonDocument ns = event.getDocument("ns");
      BsonBinary uuid = ns.containsKey("coll")
          ? uuidByNamespace.get(ns.getString("db").getValue() + "." + ns.getString("coll").getValue()) : null;
      return uuid == null ? event : event.append("collectionUUID", uuid);
    }).toList();
  }

  /** A change-stream event (6.0+, expanded events) as the stream replays it from the resume token. */
  private static BsonDocument streamEvent(String operationType, String db, String coll, BsonBinary uuid, String fields) {
    BsonDocument event = new BsonDocument("_id", new BsonDocument("_data", new BsonString("replayed")))
        .append("operationType", new BsonString(operationType))
        .append("ns", new BsonDocument("db", new BsonString(db)).append("coll", new BsonString(coll)))
        .append("collectionUUID", uuid);
    event.putAll(BsonDocument.parse(fields));
    return event;
  }

  /** The first run's events, then the run started again, then the replayed stream: the topic's order. */
  private void applyInOrder(String destinationUri, NamespaceSelection selection, List<BsonDocument> firstRun,
      List<BsonDocument> secondRun, List<BsonDocument> replayed) {
    C2cSinkTask sink = startSink(destinationUri, selection);
    try {
      long offset = 0;
      for (List<BsonDocument> events : List.of(firstRun, secondRun, replayed)) {
        List<SinkRecord> records = new ArrayList<>();
        for (BsonDocument event : events) {
          records.add(sinkRecord(ChangeEventFormat.encode(event), offset++));
        }
        sink.put(records);
      }
    } finally {
      sink.stop();
    }
  }

  /** The destination holds exactly the source's collections of {@code db}, with their documents and index names. */
  private static void assertSameCollections(MongoClient source, MongoClient destination, String db) {
    List<String> names = source.getDatabase(db).listCollectionNames().into(new ArrayList<>());
    assertThat(destination.getDatabase(db).listCollectionNames().into(new ArrayList<>()))
        .containsExactlyInAnyOrderElementsOf(names);
    for (String name : names) {
      assertThat(destination.getDatabase(db).getCollection(name, BsonDocument.class).find().into(new ArrayList<>()))
          .as(db + "." + name).containsExactlyInAnyOrderElementsOf(
              source.getDatabase(db).getCollection(name, BsonDocument.class).find().into(new ArrayList<>()));
      assertThat(indexNames(destination, db, name)).as("indexes of " + db + "." + name)
          .containsExactlyInAnyOrderElementsOf(indexNames(source, db, name));
    }
  }

  private static List<String> indexNames(MongoClient client, String db, String coll) {
    return client.getDatabase(db).getCollection(coll).listIndexes(BsonDocument.class).map(i -> i.getString("name").getValue())
        .into(new ArrayList<>());
  }

  /** Everything a copy from a new resume point emits. */
  private static List<SourceRecord> copyAll(MongoClient source, NamespaceSelection selection) {
    List<SourceRecord> copied = new ArrayList<>();
    try (CollectionCopy copy = new CollectionCopy(source, selection, BuildIndexes.AFTER_DATA_COPY,
        event -> "c2c-sync.s1.g1", Map.of("ns", "c2c-sync.s1.g1"), CollectionCopyTest.TOKEN, null)) {
      while (!copy.done()) {
        copied.addAll(copy.poll(100));
      }
    }
    return copied;
  }

  private static C2cSinkTask startSink(String destinationUri, NamespaceSelection selection) {
    Map<String, String> props = new HashMap<>(
        Map.of("topics", "c2c-sync.s1.g1", "connection.uri", destinationUri, "database", "__c2c_sync"));
    SelectionConfig.write(selection, props);
    C2cSinkTask sink = new C2cSinkTask();
    sink.start(props);
    return sink;
  }

  /** The records as the sink receives them from the group's topic, from Kafka offset {@code firstOffset} on. */
  private static List<SinkRecord> asSinkRecords(List<SourceRecord> records, long firstOffset) {
    List<SinkRecord> sinkRecords = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      SourceRecord record = records.get(i);
      sinkRecords.add(sinkRecord((byte[]) record.value(), firstOffset + i));
    }
    return sinkRecords;
  }

  private static SinkRecord sinkRecord(byte[] event, long offset) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(RecordHeaders.FORMAT, ChangeEventFormat.FORMAT_ID); // what the InsertHeader SMT adds
    return new SinkRecord("c2c-sync.s1.g1", 0, null, null, null, event, offset, null, null,
        headers);
  }
}
