package io.c2csync.connector.sink;

import static io.c2csync.connector.sink.Events.ddl;
import static io.c2csync.connector.sink.Events.dropDatabase;
import static io.c2csync.connector.sink.Events.insert;
import static io.c2csync.connector.sink.Events.rename;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DDL in order with CRUD, and replays after a crash, on a mongo-java-server destination. */
class DdlApplyTest {

  private final SinkHarness sink = new SinkHarness();

  @AfterEach
  void close() {
    sink.close();
  }

  @Test
  void createInsertIndexRenameDropSequenceInOneBatch() {
    sink.put(sink.records(
        ddl("create", "db", "a", "{}"),
        insert("db", "a", "{_id: 1, email: 'x'}"),
        ddl("createIndexes", "db", "a", "{indexes: [{v: 2, key: {email: 1}, name: 'email_1'}]}"),
        insert("db", "a", "{_id: 2, email: 'y'}"),
        rename("db", "a", "db", "b"), // across databases needs the emulator: stock mongo-java-server fails
        insert("db", "b", "{_id: 3, email: 'z'}"),
        ddl("create", "db", "gone", "{}"),
        insert("db", "gone", "{_id: 1}"),
        ddl("drop", "db", "gone", null)));

    assertThat(sink.collectionNames("db")).containsExactly("b");
    assertThat(sink.documents("db", "b")).extracting(d -> d.getInt32("_id").getValue()).containsExactly(1, 2, 3);
    assertThat(indexNames("db", "b")).containsExactly("_id_", "email_1");
  }

  @Test
  void replayAfterACrashSkipsWhatWasAppliedBeforeTheLastDdl() {
    List<SinkRecord> batch = sink.records(
        insert("db", "a", "{_id: 1}"),
        rename("db", "a", "db", "b"),
        insert("db", "b", "{_id: 2}"));
    sink.put(batch);

    sink.startTask(); // crash after the rename, before the batch's checkpoint and Connect's offset commit
    sink.collection("__c2c_sync", "checkpoints").updateOne(new BsonDocument(),
        BsonDocument.parse("{$set: {offset: {$numberLong: '" + batch.get(1).kafkaOffset() + "'}, last: 'rename'}}"));
    sink.put(batch);

    // without the DDL checkpoint, the replayed insert into db.a would resurrect the renamed collection
    assertThat(sink.collectionNames("db")).containsExactly("b");
    assertThat(sink.documents("db", "b")).extracting(d -> d.getInt32("_id").getValue()).containsExactly(1, 2);
  }

  @Test
  void repeatedDdlIsAlreadyDoneNotAFailure() {
    sink.put(sink.records(ddl("create", "db", "a", "{}"), insert("db", "a", "{_id: 1}")));
    // the same DDL again, as a replay sees it when a checkpoint write was lost
    sink.put(sink.records(
        ddl("create", "db", "a", "{}"),
        ddl("createIndexes", "db", "a", "{indexes: [{v: 2, key: {k: 1}, name: 'k_1'}]}"),
        ddl("createIndexes", "db", "a", "{indexes: [{v: 2, key: {k: 1}, name: 'k_1'}]}"),
        ddl("dropIndexes", "db", "a", "{indexes: [{v: 2, key: {k: 1}, name: 'k_1'}]}"),
        ddl("dropIndexes", "db", "a", "{indexes: [{v: 2, key: {k: 1}, name: 'k_1'}]}"),
        rename("db", "a", "db", "b"),
        rename("db", "a", "db", "b"),
        ddl("drop", "db", "x", null),
        dropDatabase("nothing")));

    assertThat(sink.collectionNames("db")).containsExactly("b");
    assertThat(indexNames("db", "b")).containsExactly("_id_");
    assertThat(sink.documents("db", "b")).hasSize(1);
  }

  @Test
  void dropDatabaseBetweenWrites() {
    sink.put(sink.records(
        insert("db", "a", "{_id: 1}"),
        insert("db", "b", "{_id: 1}"),
        dropDatabase("db"),
        insert("db", "a", "{_id: 2}")));

    assertThat(sink.collectionNames("db")).containsExactly("a");
    assertThat(sink.documents("db", "a")).containsExactly(BsonDocument.parse("{_id: 2}"));
  }

  @Test
  void uniqueIndexesAreBuiltNonUniqueAndRecordedForCommit() {
    sink.put(sink.records(
        ddl("createIndexes", "db", "a", "{indexes: [{v: 2, key: {email: 1}, name: 'email_1', unique: true}]}"),
        // a replay can briefly hold two documents with one key; the sink must not fail
        insert("db", "a", "{_id: 1, email: 'x'}"),
        insert("db", "a", "{_id: 2, email: 'x'}")));

    assertThat(sink.documents("db", "a")).hasSize(2);
    assertThat(sink.documents("__c2c_sync", "uniqueIndexes")).containsExactly(BsonDocument.parse(
        "{_id: {db: 'db', coll: 'a', name: 'email_1'}, spec: {v: 2, key: {email: 1}, name: 'email_1', unique: true}}"));

    sink.put(sink.records(ddl("dropIndexes", "db", "a", "{indexes: [{v: 2, key: {email: 1}, name: 'email_1'}]}")));
    assertThat(sink.documents("__c2c_sync", "uniqueIndexes")).isEmpty();
  }

  @Test
  void recordedUniqueIndexesFollowARenameAndThoseOfAReplacedTargetGo() {
    String unique = "{indexes: [{v: 2, key: {email: 1}, name: 'email_1', unique: true}]}";
    List<org.apache.kafka.connect.sink.SinkRecord> records = sink.records(
        ddl("createIndexes", "db", "a", unique),
        ddl("createIndexes", "db", "b", unique.replace("email", "phone")),
        rename("db", "a", "db", "b").replace("operationDescription: {", "operationDescription: {dropTarget: 1, "));
    sink.put(records);
    // a crash before the checkpoint: the batch again
    sink.loseCheckpoints();
    sink.put(records);

    assertThat(sink.documents("__c2c_sync", "uniqueIndexes")).containsExactly(BsonDocument.parse(
        "{_id: {db: 'db', coll: 'b', name: 'email_1'}, spec: {v: 2, key: {email: 1}, name: 'email_1', unique: true}}"));
  }

  private List<String> indexNames(String db, String coll) {
    return sink.collection(db, coll).listIndexes(BsonDocument.class).into(new ArrayList<>()).stream()
        .map(index -> index.getString("name").getValue()).toList();
  }
}
