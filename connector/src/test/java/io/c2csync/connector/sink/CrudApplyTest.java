package io.c2csync.connector.sink;

import static io.c2csync.connector.sink.Events.delete;
import static io.c2csync.connector.sink.Events.insert;
import static io.c2csync.connector.sink.Events.replace;
import static io.c2csync.connector.sink.Events.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.c2csync.connector.topics.BsonSamples;

/** CRUD events applied by the sink task to a mongo-java-server destination. */
class CrudApplyTest {

  private final SinkHarness sink = new SinkHarness();

  @AfterEach
  void close() {
    sink.close();
  }

  @Test
  void insertReplaceDeleteAndTheirReplays() {
    List<SinkRecord> batch = sink.records(
        insert("db", "c", "{_id: 1, a: 1}"),
        insert("db", "c", "{_id: 2, a: 2}"),
        replace("db", "c", "{_id: 1, b: 'replaced'}"),
        delete("db", "c", 2));

    sink.put(batch);
    sink.startTask();
    sink.loseCheckpoints();
    sink.put(batch); // at-least-once redelivery of the whole batch, really applied again

    assertThat(sink.documents("db", "c")).containsExactly(BsonDocument.parse("{_id: 1, b: 'replaced'}"));
  }

  @Test
  void documentsWithTopLevelDollarFieldNamesAreInsertedAndReplacedAndReplayed() {
    List<SinkRecord> batch = sink.records(
        insert("db", "c", "{_id: 1, $dollar: 1}"),
        replace("db", "c", "{_id: 1, $dollar: 2, nested: {$inner: true}}"));

    sink.put(batch);
    sink.startTask();
    sink.loseCheckpoints();
    sink.put(batch);

    assertThat(sink.documents("db", "c")).containsExactly(BsonDocument.parse("{_id: 1, $dollar: 2, nested: {$inner: true}}"));
  }

  @Test
  void aRedeliveredBatchIsSkippedSoUpdatesNeverMeetALaterShape() {
    sink.put(sink.records(insert("db", "c", "{_id: 1, a: {b: 1}}")));
    List<SinkRecord> updates = sink.records(
        update("db", "c", 1, "{updatedFields: {'a.b': 2}, removedFields: []}"),
        update("db", "c", 1, "{updatedFields: {a: 'now a string'}, removedFields: []}"));
    sink.put(updates);

    sink.startTask();
    sink.put(updates); // replaying 'a.b' on a string would fail the task for good

    assertThat(sink.documents("db", "c")).containsExactly(BsonDocument.parse("{_id: 1, a: 'now a string'}"));
  }

  @Test
  void bsonTypesArriveUnchanged() {
    BsonDocument document = BsonSamples.storableByStockMongoJavaServer();
    sink.put(List.of(SinkHarness.record(BsonDocument.parse(insert("db", "types", "{_id: 0}"))
        .append("fullDocument", document).append("documentKey", new BsonDocument("_id", document.get("_id"))), 0)));

    BsonDocument stored = sink.collection("db", "types").find().first();
    assertThat(stored).isEqualTo(document);
    assertThat(stored.keySet()).containsExactlyElementsOf(document.keySet());
  }

  @Test
  void aDocumentNearTheSixteenMebibyteLimitArrives() {
    BsonDocument big = new BsonDocument("_id", new BsonInt32(1))
        .append("blob", new BsonString("x".repeat(16 * 1024 * 1024 - 1024)));
    BsonDocument event = BsonDocument.parse(insert("db", "big", "{_id: 1}")).append("fullDocument", big);

    sink.put(List.of(SinkHarness.record(event, 0)));

    assertThat(sink.collection("db", "big").find().first()).isEqualTo(big);
  }

  @Test
  void updateAppliesUpdatedRemovedAndTruncatedFieldsToGiveThePostImage() {
    sink.put(sink.records(insert("db", "c",
        "{_id: 1, keep: 1, gone: 1, arr: [1, 2, 3, 4, 5], nested: {x: 1, y: [{z: 1}, {z: 2}]}, grow: [1]}")));

    // what the server reports for: {$set: {'arr.1': 9, 'nested.y.1.z': 3, 'grow.1': 2, new: {$numberLong: '7'}},
    //   $unset: {gone: 1}} after $pop-ing arr down to 2 elements
    sink.put(sink.records(update("db", "c", 1, "{updatedFields: {'arr.1': 9, 'nested.y.1.z': 3, 'grow.1': 2, "
        + "new: {$numberLong: '7'}}, removedFields: ['gone'], truncatedArrays: [{field: 'arr', newSize: 2}]}")));

    assertThat(sink.documents("db", "c")).containsExactly(BsonDocument.parse(
        "{_id: 1, keep: 1, arr: [1, 9], nested: {x: 1, y: [{z: 1}, {z: 3}]}, grow: [1, 2], new: {$numberLong: '7'}}"));
  }

  @Test
  void updateOfAMissingDocumentDoesNothing() {
    sink.put(sink.records(update("db", "c", 1, "{updatedFields: {a: 1}, removedFields: []}")));

    assertThat(sink.documents("db", "c")).isEmpty();
  }

  @Test
  void updateWithDisambiguatedPathsWritesTheRightFields() {
    // (stock mongo-java-server rejects field names with dots; DisambiguatedUpdateTest covers them)
    sink.put(sink.records(insert("db", "c", "{_id: 1, m: {'0': 'field zero', '1': 'one'}, arr: [[0, 1]]}")));

    sink.put(sink.records(update("db", "c", 1, "{updatedFields: {'m.0': 'changed', 'arr.0.1': 7}, "
        + "removedFields: ['m.1'], truncatedArrays: [], disambiguatedPaths: {'m.0': ['m', '0'], 'arr.0.1': ['arr', 0, 1]}}")));

    assertThat(sink.documents("db", "c")).containsExactly(BsonDocument.parse(
        "{_id: 1, m: {'0': 'changed'}, arr: [[0, 7]]}"));
  }

  @Test
  void markerDocumentsAreRecordedOnTheDestination() {
    String heartbeat = "{_id: {syncId: 's1', group: 'g1', kind: 'heartbeat'}, sequence: {$numberLong: '3'}, "
        + "wallTime: {$date: '2026-11-26T08:00:00Z'}}";
    sink.put(sink.records(replace("__c2c_sync", "markers", heartbeat)));

    assertThat(sink.documents("__c2c_sync", "markers")).containsExactly(BsonDocument.parse(heartbeat));
  }
}
