package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.connector.topics.SyncGroupTopic;

/**
 * The task shell on a stock mongo-java-server source (which has no cluster-wide change streams):
 * a copy restarted from its offset, then mongo-kafka's stream asked to start after the token
 * taken before the first copy.
 */
class C2cSourceTaskTest {

  /** Remembers every {@code $changeStream} stage the source is asked for. */
  static final class RecordingBackend extends MemoryBackend {
    final List<Document> changeStreams = new CopyOnWriteArrayList<>();

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
      if (command.equals("aggregate") && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
          && pipeline.get(0) instanceof Document first && first.get("$changeStream") instanceof Document stage) {
        changeStreams.add(stage);
      }
      return super.handleCommand(channel, database, command, query);
    }
  }

  private final RecordingBackend backend = new RecordingBackend();
  private final MongoServer server = new MongoServer(backend);
  private final C2cSourceTask task = new C2cSourceTask();

  @AfterEach
  void stop() {
    task.stop();
    server.shutdownNow();
  }

  @Test
  void restartedCopyContinuesAndTheStreamStartsFromBeforeTheFirstCopy() throws InterruptedException {
    var address = server.bind();
    String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    try (MongoClient source = MongoClients.create(uri)) {
      source.getDatabase("db1").getCollection("a", BsonDocument.class)
          .insertMany(List.of(BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{_id: 2}"), BsonDocument.parse("{_id: 3}")));
    }
    SyncGroupTopic topic = new SyncGroupTopic("s1", "g1");
    Map<String, String> props = new HashMap<>(SourceConnectorConfigs.create(new SourceGroupSpec(topic,
        SecretReference.env("URI"), NamespaceSelection.ALL, BuildIndexes.NEVER, new SourceStart.CopyThenStream())));
    props.put("connection.uri", uri);
    Map<String, Object> stored = new CopyOffset(CollectionCopyTest.TOKEN, "db1.a", null, BsonDocument.parse("{_id: 1}").get("_id")).toMap();
    task.initialize(context(Map.of("ns", topic.name()), stored));

    task.start(props);
    List<SourceRecord> records = new ArrayList<>();
    for (int poll = 0; poll < 5; poll++) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        records.addAll(batch);
      }
    }

    assertThat(records).extracting(r -> {
      BsonDocument event = ChangeEventFormat.decode((byte[]) r.value());
      return event.getString("operationType").getValue() + " " + event.getDocument("ns").toJson()
          + (event.containsKey("fullDocument") ? " " + event.getDocument("fullDocument").toJson() : "");
    }).containsExactly(
        "create {\"db\": \"db1\", \"coll\": \"a\"}",
        "insert {\"db\": \"db1\", \"coll\": \"a\"} {\"_id\": 2}",
        "insert {\"db\": \"db1\", \"coll\": \"a\"} {\"_id\": 3}");
    assertThat(records).allSatisfy(r -> assertThat(r.topic()).isEqualTo(topic.name()));
    assertThat(backend.changeStreams).isNotEmpty().allSatisfy(stage -> {
      assertThat(stage.get("startAfter")).isInstanceOf(Document.class);
      assertThat(((Document) stage.get("startAfter")).get("_data")).isEqualTo(CollectionCopyTest.TOKEN.getString("_data").getValue());
    });
  }

  private static SourceTaskContext context(Map<String, Object> partition, Map<String, Object> offset) {
    OffsetStorageReader reader = new OffsetStorageReader() {
      @Override
      public <T> Map<String, Object> offset(Map<String, T> requested) {
        return requested.equals(partition) ? offset : null;
      }

      @Override
      public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> requested) {
        Map<Map<String, T>, Map<String, Object>> offsets = new HashMap<>();
        requested.forEach(p -> offsets.put(p, offset(p)));
        return offsets;
      }
    };
    return new SourceTaskContext() {
      @Override
      public Map<String, String> configs() {
        return Map.of();
      }

      @Override
      public OffsetStorageReader offsetStorageReader() {
        return reader;
      }

      @Override
      public PluginMetrics pluginMetrics() {
        return null;
      }
    };
  }
}
