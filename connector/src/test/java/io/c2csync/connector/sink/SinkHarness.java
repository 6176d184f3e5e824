package io.c2csync.connector.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.BsonDocument;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.RecordHeaders;
import io.c2csync.connector.topics.SelectionConfig;

/**
 * A destination (stock mongo-java-server on a free port), our sink task on it, and a client that
 * records the commands the destination received.
 */
final class SinkHarness implements AutoCloseable {

  static final String TOPIC = "c2c-sync.s1.g1";
  private static final java.util.Set<String> DRIVER_FIELDS = java.util.Set.of("$db", "lsid", "$clusterTime", "$readPreference");

  private final MongoServer server;
  private final String uri;
  final MongoClient destination;
  final List<BsonDocument> commands = new ArrayList<>();
  private C2cSinkTask task;
  private long nextOffset;

  private final String topic;
  private final NamespaceSelection selection;
  private final NamespaceSelection syncSelection;
  /** What the task last asked Connect to wait before delivering again ({@code SinkTaskContext.timeout}). */
  long retryAfterMillis;

  SinkHarness() {
    this(NamespaceSelection.ALL);
  }

  /** A sink for a sync group that carries only these namespaces. */
  SinkHarness(NamespaceSelection selection) {
    this(null, TOPIC, selection, selection);
  }

  /** @param shared the destination of another group's harness, or null for a destination of its own */
  private SinkHarness(SinkHarness shared, String topic, NamespaceSelection selection, NamespaceSelection syncSelection) {
    this.server = shared == null ? new MongoServer(new MemoryBackend()) : null;
    this.topic = topic;
    this.selection = selection;
    this.syncSelection = syncSelection;
    uri = shared == null ? server.bindAndGetConnectionString() : shared.uri;
    destination = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri)).build());
    startTask();
  }

  /** The sink of one group of a sync of several groups, on its own destination. */
  static SinkHarness group(String topic, NamespaceSelection selection, NamespaceSelection syncSelection) {
    return new SinkHarness(null, topic, selection, syncSelection);
  }

  /** The sink of another group of the same sync, on this harness's destination (close it before this one). */
  SinkHarness otherGroup(String otherTopic, NamespaceSelection otherSelection) {
    return new SinkHarness(this, otherTopic, otherSelection, syncSelection);
  }

  /** A new task instance, as after a worker restart. */
  void startTask() {
    if (task != null) {
      task.stop();
    }
    task = new C2cSinkTask();
    task.initialize(new RecordingSinkTaskContext(millis -> retryAfterMillis = millis));
    Map<String, String> props = new HashMap<>(Map.of("topics", topic, "connection.uri", uri, "database", "__c2c_sync"));
    SelectionConfig.write(selection, props);
    SelectionConfig.writeSync(syncSelection, props);
    task.start(props);
  }

  /** A crash after a batch's writes but before its checkpoint: the next delivery replays it. */
  void loseCheckpoints() {
    collection("__c2c_sync", "checkpoints").deleteMany(new BsonDocument());
  }

  /** A crash right after this offset's checkpoint: every later checkpoint of this group is lost. */
  void crashAfterCheckpoint(long offset) {
    BsonDocument id = new BsonDocument("_id", new org.bson.BsonString(topic + "/0"));
    collection("__c2c_sync", "checkpoints").replaceOne(id, id.clone().append("offset", new org.bson.BsonInt64(offset)));
    startTask();
  }

  /** A client whose commands (without the driver's session and routing fields) are recorded in {@link #commands}. */
  MongoClient recordingClient() {
    CommandListener listener = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = new BsonDocument();
        event.getCommand().forEach((name, value) -> {
          if (!DRIVER_FIELDS.contains(name)) {
            command.put(name, value);
          }
        });
        commands.add(command);
      }
    };
    return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
        .addCommandListener(listener).build());
  }

  /** Records for these events (extended JSON), at the next offsets. */
  List<SinkRecord> records(String... eventsJson) {
    List<SinkRecord> records = new ArrayList<>();
    for (String json : eventsJson) {
      records.add(record(topic, BsonDocument.parse(json), nextOffset++));
    }
    return records;
  }

  static SinkRecord record(BsonDocument event, long offset) {
    return record(TOPIC, event, offset);
  }

  private static SinkRecord record(String topic, BsonDocument event, long offset) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(RecordHeaders.FORMAT, ChangeEventFormat.FORMAT_ID);
    byte[] value = ChangeEventFormat.encode(event);
    return new SinkRecord(topic, 0, null, null, null, value, offset, null, null, headers);
  }

  void put(List<SinkRecord> records) {
    task.put(records);
  }

  MongoCollection<BsonDocument> collection(String db, String coll) {
    return destination.getDatabase(db).getCollection(coll, BsonDocument.class);
  }

  List<BsonDocument> documents(String db, String coll) {
    return collection(db, coll).find().sort(new BsonDocument("_id", new org.bson.BsonInt32(1))).into(new ArrayList<>());
  }

  List<String> collectionNames(String db) {
    return destination.getDatabase(db).listCollectionNames().into(new ArrayList<>());
  }

  @Override
  public void close() {
    task.stop();
    destination.close();
    if (server != null) {
      server.shutdownNow();
    }
  }
}
