package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Indexes;
import com.mongodb.kafka.connect.source.MongoSourceConfig;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.connector.topics.SyncGroupTopic;

/** Our copy against a stock mongo-java-server source. */
class CollectionCopyTest {

  static final BsonDocument TOKEN = BsonDocument.parse("{_data: '8264A1B2C3000000012B'}");
  private static final Map<String, Object> PARTITION = Map.of("ns", "c2c-sync.s1.g1");
  private static final NamespaceSelection SELECTION = new NamespaceSelection(
      List.of(NamespaceFilter.database("db1")), List.of(NamespaceFilter.collections("db1", "skipped")));

  private MongoServer server;
  private MongoClient source;

  @BeforeEach
  void fillSource() {
    server = new MongoServer(new MemoryBackend());
    var address = server.bind();
    source = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    var a = source.getDatabase("db1").getCollection("a", BsonDocument.class);
    a.insertMany(List.of(doc(1), doc(2), doc(3)));
    a.createIndex(Indexes.ascending("x"));
    source.getDatabase("db1").createCollection("empty");
    source.getDatabase("db1").getCollection("skipped", BsonDocument.class).insertOne(doc(9));
    source.getDatabase("db2").getCollection("other", BsonDocument.class).insertOne(doc(9));
  }

  @AfterEach
  void stop() {
    source.close();
    server.shutdownNow();
  }

  @Test
  void indexesBeforeData() {
    List<SourceRecord> records = copyAll(BuildIndexes.BEFORE_DATA_COPY, null);

    assertThat(describe(records)).containsExactly("c2cFreshCopy",
        "create db1.a", "createIndexes db1.a x_1", "insert db1.a 1", "insert db1.a 2", "insert db1.a 3", "create db1.empty");
    assertThat(records).allSatisfy(r -> {
      assertThat(r.sourcePartition()).isEqualTo(PARTITION);
      assertThat(CopyOffset.from(cast(r.sourceOffset())).orElseThrow().resumeToken()).isEqualTo(TOKEN);
      assertThat(r.topic()).isEqualTo("c2c-sync.s1.g1");
    });
    assertThat(CopyOffset.from(cast(records.get(0).sourceOffset())).orElseThrow().namespace()).isEmpty();
    assertThat(CopyOffset.from(cast(records.get(6).sourceOffset())).orElseThrow().namespace()).isEqualTo("db1.empty");
  }

  @Test
  void indexesAfterDataOrNever() {
    assertThat(describe(copyAll(BuildIndexes.AFTER_DATA_COPY, null))).containsExactly("c2cFreshCopy",
        "create db1.a", "insert db1.a 1", "insert db1.a 2", "insert db1.a 3", "create db1.empty", "createIndexes db1.a x_1");
    assertThat(describe(copyAll(BuildIndexes.NEVER, null))).containsExactly("c2cFreshCopy",
        "create db1.a", "insert db1.a 1", "insert db1.a 2", "insert db1.a 3", "create db1.empty");
  }

  @Test
  void onlyACopyFromANewResumePointStartsFresh() {
    source.getDatabase("db1").drop();
    assertThat(describe(copyAll(BuildIndexes.NEVER, null))).containsExactly("c2cFreshCopy");
    assertThat(describe(copyAll(BuildIndexes.NEVER, new CopyOffset(TOKEN, "", null, null)))).isEmpty();
  }

  @Test
  void theGroupsTopicMappingSendsEveryCopyEventToTheGroupsTopic() {
    SyncGroupTopic topic = new SyncGroupTopic("s1", "g1");
    Map<String, String> props = new HashMap<>(SourceConnectorConfigs.create(new SourceGroupSpec(topic,
        SecretReference.env("URI"), SELECTION, BuildIndexes.BEFORE_DATA_COPY, new SourceStart.CopyThenStream())));
    props.put("connection.uri", "mongodb://localhost");
    List<SourceRecord> records = new ArrayList<>();
    try (CollectionCopy copy = new CollectionCopy(source, SELECTION, BuildIndexes.BEFORE_DATA_COPY,
        new MongoSourceConfig(props).getTopicMapper()::getTopic, PARTITION, TOKEN, null)) {
      while (!copy.done()) {
        records.addAll(copy.poll(2));
      }
    }

    assertThat(describe(records)).first().isEqualTo("c2cFreshCopy");
    assertThat(records).extracting(SourceRecord::topic).containsOnly(topic.name());
  }

  @Test
  void restartCopiesAgainFromTheNamespaceItWasIn() {
    assertThat(describe(copyAll(BuildIndexes.AFTER_DATA_COPY, new CopyOffset(TOKEN, "db1.empty", null, null))))
        .containsExactly("create db1.empty", "createIndexes db1.a x_1");
    assertThat(describe(copyAll(BuildIndexes.NEVER, new CopyOffset(TOKEN, "db1.a", null, new BsonInt32(1)))))
        .containsExactly("create db1.a", "insert db1.a 2", "insert db1.a 3", "create db1.empty");
  }

  /**
   * Between the crash and the restart, the collection being copied (UUID 02, db1.m) was renamed to
   * db1.b and one not reached yet (03, db1.z) to db1.c: by name both would sort before db1.m, and
   * a copy started again by name would copy neither (their documents from before the resume token
   * would never reach the destination). By UUID, both are still to copy; the one copied before
   * (01) and the view (no UUID, first) are done.
   */
  @Test
  void aCopyStartedAgainFollowsCollectionsByUuidWhateverTheirNamesNow() {
    SourceCollection view = new SourceCollection(new MongoNamespace("db1", "v"), "view", new BsonDocument(), null);
    List<SourceCollection> listedNow = List.of(collection("db1.a", 1), collection("db1.b", 2), collection("db1.c", 3));
    assertThat(listedNow).allSatisfy(c -> assertThat(view.copyPosition()).isLessThan(c.copyPosition()));
    CopyOffset atM = new CopyOffset(TOKEN, "db1.m", collection("db1.m", 2).uuidHex(), new BsonInt32(5));
    assertThat(CopyOffset.from(atM.toMap())).contains(atM);

    List<SourceCollection> all = new ArrayList<>(List.of(view));
    all.addAll(listedNow);
    assertThat(CollectionCopy.notDoneBefore(all, atM)).extracting(c -> c.namespace().getFullName())
        .containsExactly("db1.b", "db1.c");
    assertThat(CollectionCopy.notDoneBefore(all, CopyOffset.from(atM.toMap()).orElseThrow()).get(0).copyPosition())
        .as("the collection being copied, under its new name: the copy continues after _id 5").isEqualTo(atM.position());
  }

  private static SourceCollection collection(String namespace, int uuid) {
    byte[] bytes = new byte[16];
    bytes[15] = (byte) uuid;
    return new SourceCollection(new MongoNamespace(namespace), "collection", new BsonDocument(),
        new BsonBinary(BsonBinarySubType.UUID_STANDARD, bytes));
  }

  @Test
  void documentsGoInIdOrderAcrossTypesAndARestartContinuesAfterTheLastId() {
    var mixed = source.getDatabase("db1").getCollection("mixed", BsonDocument.class);
    List<String> ids = List.of("{_id: {$minKey: 1}}", "{_id: null}", "{_id: 2}", "{_id: {$numberLong: '3'}}",
        "{_id: 4.5}", "{_id: 'a'}", "{_id: 'b'}", "{_id: {k: 1}}", "{_id: {$oid: '000000000000000000000001'}}",
        "{_id: true}", "{_id: {$date: '2026-01-01T00:00:00Z'}}", "{_id: {$maxKey: 1}}");
    ids.forEach(id -> mixed.insertOne(BsonDocument.parse(id)));
    NamespaceSelection onlyMixed = new NamespaceSelection(List.of(NamespaceFilter.collections("db1", "mixed")), List.of());

    List<BsonDocument> all = insertedIds(copyAll(onlyMixed, BuildIndexes.NEVER, null));
    assertThat(all).containsExactlyElementsOf(ids.stream().map(BsonDocument::parse).toList());

    for (int stop = 0; stop < ids.size(); stop++) {
      BsonDocument last = BsonDocument.parse(ids.get(stop));
      List<BsonDocument> rest = insertedIds(copyAll(onlyMixed, BuildIndexes.NEVER, new CopyOffset(TOKEN, "db1.mixed", null, last.get("_id"))));
      assertThat(rest).as("after %s", last.toJson()).containsExactlyElementsOf(all.subList(stop + 1, all.size()));
    }
  }

  private static List<BsonDocument> insertedIds(List<SourceRecord> records) {
    return records.stream().map(r -> ChangeEventFormat.decode((byte[]) r.value()))
        .filter(e -> e.getString("operationType").getValue().equals("insert"))
        .map(e -> new BsonDocument("_id", e.getDocument("documentKey").get("_id"))).toList();
  }

  private List<SourceRecord> copyAll(BuildIndexes buildIndexes, CopyOffset from) {
    return copyAll(SELECTION, buildIndexes, from);
  }

  private List<SourceRecord> copyAll(NamespaceSelection selection, BuildIndexes buildIndexes, CopyOffset from) {
    List<SourceRecord> records = new ArrayList<>();
    try (CollectionCopy copy = new CollectionCopy(source, selection, buildIndexes, event -> "c2c-sync.s1.g1",
        PARTITION, TOKEN, from)) {
      while (!copy.done()) {
        records.addAll(copy.poll(2));
      }
      assertThat(copy.poll(2)).isEmpty();
    }
    return records;
  }

  private static List<String> describe(List<SourceRecord> records) {
    return records.stream().map(r -> {
      BsonDocument event = ChangeEventFormat.decode((byte[]) r.value());
      assertThat(ChangeEventFormat.decode((byte[]) r.key())).isEqualTo(new BsonDocument("_id", event.get("_id")));
      if (event.getString("operationType").getValue().equals(ChangeEventFormat.FRESH_COPY)) {
        return ChangeEventFormat.FRESH_COPY;
      }
      String ns = event.getDocument("ns").getString("db").getValue() + "." + event.getDocument("ns").getString("coll").getValue();
      String type = event.getString("operationType").getValue();
      return switch (type) {
        case "insert" -> type + " " + ns + " " + event.getDocument("fullDocument").getInt32("_id").getValue();
        case "createIndexes" -> type + " " + ns + " " + event.getDocument("operationDescription").getArray("indexes")
            .stream().map(i -> i.asDocument().getString("name").getValue()).toList().get(0);
        default -> type + " " + ns;
      };
    }).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<String, ?> offset) {
    return (Map<String, Object>) offset;
  }

  private static BsonDocument doc(int id) {
    return new BsonDocument("_id", new BsonInt32(id)).append("x", new BsonInt32(id * 10));
  }
}
