package io.c2csync.connector.sink;

import static io.c2csync.connector.sink.Events.ddl;
import static io.c2csync.connector.sink.Events.dropDatabase;
import static io.c2csync.connector.sink.Events.insert;
import static io.c2csync.connector.sink.Events.of;
import static io.c2csync.connector.sink.Events.rename;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;

import org.apache.kafka.connect.errors.ConnectException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DDL while the copy runs: the stream replays from before the copy onto a destination the copy
 * has already moved ahead. Events carry {@code collectionUUID}; the copy's events too.
 */
class IncarnationsTest {

  private final SinkHarness sink = new SinkHarness();

  @AfterEach
  void close() {
    sink.close();
  }

  @Test
  void renameDuringTheCopy() {
    // source: A (incarnation 1) gets a5, then is renamed to B; the copy only ever saw B
    sink.put(sink.records(
        of(1, ddl("create", "db", "B", "{}")),
        of(1, insert("db", "B", "{_id: 1}")),
        of(1, insert("db", "B", "{_id: 5}"))));
    // the replay from the pre-copy resume token
    sink.put(sink.records(
        of(1, insert("db", "A", "{_id: 5}")),
        of(1, rename("db", "A", "db", "B")),
        of(1, insert("db", "B", "{_id: 6}"))));

    assertThat(sink.collectionNames("db")).containsExactly("B");
    assertThat(sink.documents("db", "B")).extracting(d -> d.getInt32("_id").getValue()).containsExactly(1, 5, 6);
  }

  @Test
  void dropAndRecreateDuringTheCopy() {
    // source: N (incarnation 1) is dropped and created again (incarnation 2); the copy saw incarnation 2
    sink.put(sink.records(of(2, ddl("create", "db", "N", "{}")), of(2, insert("db", "N", "{_id: 'new1'}"))));
    sink.put(sink.records(
        of(1, insert("db", "N", "{_id: 'old'}")),
        of(1, ddl("createIndexes", "db", "N", "{indexes: [{v: 2, key: {old: 1}, name: 'old_1'}]}")),
        of(1, ddl("drop", "db", "N", null)),
        of(2, ddl("create", "db", "N", "{}")),
        of(2, insert("db", "N", "{_id: 'new2'}"))));

    assertThat(sink.documents("db", "N")).extracting(d -> d.getString("_id").getValue()).containsExactly("new1", "new2");
    assertThat(sink.collection("db", "N").listIndexes(BsonDocument.class).into(new ArrayList<>()))
        .extracting(i -> i.getString("name").getValue()).containsExactly("_id_");
  }

  @Test
  void dropDatabaseKeepsAnIncarnationTheCopySawLater() {
    sink.put(sink.records(of(2, ddl("create", "db", "later", "{}")), of(2, insert("db", "later", "{_id: 1}"))));
    sink.put(sink.records(
        of(1, insert("db", "gone", "{_id: 1}")),
        of(1, ddl("drop", "db", "gone", null)),
        of(9, ddl("drop", "db", "later", null)), // the incarnation of "later" that dropDatabase removed
        dropDatabase("db")));

    assertThat(sink.collectionNames("db")).containsExactly("later");
  }

  @Test
  void withoutReplayEverythingAppliesAndTheMapFollows() {
    sink.put(sink.records(
        of(1, ddl("create", "db", "A", "{}")),
        of(1, insert("db", "A", "{_id: 1}")),
        of(1, rename("db", "A", "db", "B")),
        of(1, insert("db", "B", "{_id: 2}"))));
    assertThat(sink.documents("db", "B")).hasSize(2);
    assertThat(sink.documents("__c2c_sync", "collections")).extracting(d -> d.getString("_id").getValue())
        .containsExactly("db.B");

    sink.put(sink.records(of(1, ddl("drop", "db", "B", null))));
    assertThat(sink.collectionNames("db")).isEmpty();
    assertThat(sink.documents("__c2c_sync", "collections")).isEmpty();
  }

  @Test
  void aRenameOntoAnotherCollectionWithDropTargetReplacesIt() {
    createAWithAAndBWithB();
    sink.put(sink.records(
        of(1, rename("db", "A", "db", "B").replace("operationDescription: {", "operationDescription: {dropTarget: 1, "))));

    assertThat(sink.collectionNames("db")).containsExactly("B");
    assertThat(sink.documents("db", "B")).extracting(d -> d.getString("_id").getValue()).containsExactly("a");
    assertThat(sink.documents("__c2c_sync", "collections")).singleElement()
        .satisfies(held -> assertThat(held.getString("_id").getValue()).isEqualTo("db.B"))
        .satisfies(held -> assertThat(held.get("uuid")).isEqualTo(BsonDocument.parse(of(1, "{}")).get("collectionUUID")));
  }

  @Test
  void aRenameOntoAnotherCollectionWithoutDropTargetStillFailsTheTask() {
    createAWithAAndBWithB();

    assertThatThrownBy(() -> sink.put(sink.records(of(1, rename("db", "A", "db", "B")))))
        .isInstanceOf(ConnectException.class).hasMessageContaining("rename db.A to db.B").hasMessageContaining("48");
    assertThat(sink.documents("db", "A")).extracting(d -> d.getString("_id").getValue()).containsExactly("a");
    assertThat(sink.documents("db", "B")).extracting(d -> d.getString("_id").getValue()).containsExactly("b");
  }

  /** db.A (incarnation 1) holding 'a', db.B (incarnation 2) holding 'b'. */
  private void createAWithAAndBWithB() {
    sink.put(sink.records(
        of(1, ddl("create", "db", "A", "{}")),
        of(1, insert("db", "A", "{_id: 'a'}")),
        of(2, ddl("create", "db", "B", "{}")),
        of(2, insert("db", "B", "{_id: 'b'}"))));
  }

  @Test
  void whenTheStreamCarriesNoUuidsDropDatabaseDropsWhatTheCopyCreated() {
    String copiedCreate = BsonDocument.parse(of(1, ddl("create", "db", "copied", "{}")))
        .append("_id", BsonDocument.parse("{copyingData: true, ddl: 'create', ns: 'db.copied'}")).toJson();
    sink.put(sink.records(copiedCreate));
    sink.put(sink.records(insert("db", "copied", "{_id: 1}"), dropDatabase("db")));

    assertThat(sink.collectionNames("db")).isEmpty();
  }
}
