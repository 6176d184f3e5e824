package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.RegexFilter;

/**
 * Runs the generated {@code $match} on a MongoDB server (stock mongo-java-server) over synthetic
 * change events, and checks it selects exactly what {@link NamespaceSelection#selects} says.
 */
class ChangeStreamPipelineTest {

  private static MongoServer server;
  private static MongoClient client;

  @BeforeAll
  static void startServer() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create("mongodb://" + hostAndPort(server));
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.shutdownNow();
  }

  static String hostAndPort(MongoServer server) {
    var address = server.bind();
    return address.getHostString() + ":" + address.getPort();
  }

  private static final List<String[]> NAMESPACES = List.of(
      new String[] {"sales", "orders"}, new String[] {"sales", "tmp"}, new String[] {"sales", null},
      new String[] {"hr", "people"}, new String[] {"hr", "salaries"}, new String[] {"hr", null},
      new String[] {"shop_eu", "access_LOG"}, new String[] {"shop_test", "access_log"},
      new String[] {"crm", "leads"}, new String[] {"crm", null}, new String[] {"admin", "users"},
      new String[] {"local", "oplog.rs"}, new String[] {"sales", "system.views"},
      new String[] {"__c2c_sync", "markers"}, new String[] {"__c2c_sync", "checkpoints"});

  @Test
  void matchAgreesWithTheSelectionOnEveryEventShape() {
    assertAgreement(NamespaceSelection.ALL);
    assertAgreement(new NamespaceSelection(
        List.of(NamespaceFilter.database("sales"), NamespaceFilter.collections("hr", "people"),
            new NamespaceFilter(null, List.of(), new RegexFilter("^shop_", ""), new RegexFilter("log$", "i"))),
        List.of(NamespaceFilter.collections("sales", "tmp"), new NamespaceFilter(null, List.of(), new RegexFilter("test", ""), null))));
    assertAgreement(new NamespaceSelection(List.of(), List.of(NamespaceFilter.database("crm"))));
  }

  @Test
  void carriesOnlyThisGroupsMarkers() {
    MongoCollection<BsonDocument> events = freshEvents();
    events.insertMany(List.of(marker(1, "s1", "g1"), marker(2, "s1", "g2"), marker(3, "s2", "g1")));

    assertThat(matchedNumbers(events, NamespaceSelection.ALL)).containsExactly(1);
  }

  private void assertAgreement(NamespaceSelection selection) {
    MongoCollection<BsonDocument> events = freshEvents();
    List<Integer> expected = new ArrayList<>();
    int n = 0;
    for (String[] ns : NAMESPACES) {
      BsonDocument crudOrDdl = event(++n, ns[1] == null ? "dropDatabase" : "insert", ns[0], ns[1]);
      events.insertOne(crudOrDdl);
      if (selection.selects(ns[0], ns[1])) {
        expected.add(n);
      }
    }
    for (String[] from : NAMESPACES) {
      for (String[] to : NAMESPACES) {
        if (from[1] == null || to[1] == null) {
          continue;
        }
        BsonDocument rename = event(++n, "rename", from[0], from[1])
            .append("to", new BsonDocument("db", new BsonString(to[0])).append("coll", new BsonString(to[1])));
        events.insertOne(rename);
        if (selection.selects(from[0], from[1]) || selection.selects(to[0], to[1])) {
          expected.add(n);
        }
      }
    }
    assertThat(matchedNumbers(events, selection)).containsExactlyElementsOf(expected);
  }

  private static List<Integer> matchedNumbers(MongoCollection<BsonDocument> events, NamespaceSelection selection) {
    List<BsonDocument> pipeline = new ArrayList<>(ChangeStreamPipeline.forGroup(selection, "s1", "g1"));
    pipeline.add(BsonDocument.parse("{$sort: {n: 1}}"));
    return events.aggregate(pipeline).into(new ArrayList<>()).stream()
        .map(d -> d.getInt32("n").getValue()).collect(Collectors.toList());
  }

  private static MongoCollection<BsonDocument> freshEvents() {
    MongoCollection<BsonDocument> events = client.getDatabase("test").getCollection("events", BsonDocument.class);
    events.drop();
    return events;
  }

  private static BsonDocument event(int n, String operationType, String db, String coll) {
    BsonDocument ns = new BsonDocument("db", new BsonString(db));
    if (coll != null) {
      ns.append("coll", new BsonString(coll));
    }
    return new BsonDocument("n", new BsonInt32(n)).append("operationType", new BsonString(operationType)).append("ns", ns);
  }

  private static BsonDocument marker(int n, String syncId, String group) {
    return event(n, "update", "__c2c_sync", "markers").append("documentKey", new BsonDocument("_id",
        new BsonDocument("syncId", new BsonString(syncId)).append("group", new BsonString(group))
            .append("kind", new BsonString("heartbeat"))));
  }
}
