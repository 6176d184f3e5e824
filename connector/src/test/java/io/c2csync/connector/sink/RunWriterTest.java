package io.c2csync.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

/** A run's inserts go as inserts; one that meets its document turns the rest of the run into upserts. */
class RunWriterTest {

  private final SinkHarness harness = new SinkHarness();
  private final MongoCollection<BsonDocument> collection = harness.recordingClient().getDatabase("db")
      .getCollection("c", BsonDocument.class);

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void newDocumentsAreInsertedInOneInsertCommand() {
    RunWriter.write(collection, List.of(insert("{_id: 1, a: 1}"), insert("{_id: 2, a: 2}")));

    assertThat(harness.documents("db", "c")).containsExactly(doc("{_id: 1, a: 1}"), doc("{_id: 2, a: 2}"));
    assertThat(writeCommands()).extracting(c -> c.getFirstKey()).containsExactly("insert");
  }

  @Test
  void anInsertMeetingItsDocumentReplacesItAndTheRestOfTheRunIsAppliedOnce() {
    harness.collection("db", "c").insertOne(doc("{_id: 2, a: 'older'}"));

    RunWriter.write(collection, List.of(insert("{_id: 1, a: 1}"), insert("{_id: 2, a: 2}"), insert("{_id: 3, a: 3}"),
        new UpdateOneModel<>(doc("{_id: 1}"), doc("{$inc: {a: 10}}"))));

    assertThat(harness.documents("db", "c"))
        .containsExactly(doc("{_id: 1, a: 11}"), doc("{_id: 2, a: 2}"), doc("{_id: 3, a: 3}"));
    assertThat(writeCommands()).extracting(c -> c.getFirstKey()).containsExactly("insert", "update", "update");
  }

  @Test
  void aDuplicateThatIsNotTheDocumentItselfStopsTheWrite() {
    harness.collection("db", "c").createIndex(doc("{email: 1}"), new IndexOptions().unique(true));
    harness.collection("db", "c").insertOne(doc("{_id: 1, email: 'a@example.com'}"));

    assertThatThrownBy(() -> RunWriter.write(collection, List.of(insert("{_id: 2, email: 'a@example.com'}"))))
        .isInstanceOf(MongoBulkWriteException.class)
        .hasMessageContaining("11000");
    assertThat(harness.documents("db", "c")).containsExactly(doc("{_id: 1, email: 'a@example.com'}"));
  }

  private List<BsonDocument> writeCommands() {
    List<BsonDocument> writes = new ArrayList<>();
    harness.commands.stream().filter(c -> c.containsKey("insert") || c.containsKey("update")).forEach(writes::add);
    return writes;
  }

  private static WriteModel<BsonDocument> insert(String json) {
    return new InsertOneModel<>(doc(json));
  }

  private static BsonDocument doc(String json) {
    return BsonDocument.parse(json);
  }
}
