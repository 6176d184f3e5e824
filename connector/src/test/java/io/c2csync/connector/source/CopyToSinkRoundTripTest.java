package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
      ConnectHeaders headers = new ConnectHeaders();
      headers.addString(RecordHeaders.FORMAT, ChangeEventFormat.FORMAT_ID); // what the InsertHeader SMT adds
      sinkRecords.add(new SinkRecord(record.topic(), 0, record.keySchema(), record.key(), record.valueSchema(),
          record.value(), firstOffset + i, null, null, headers));
    }
    return sinkRecords;
  }
}
