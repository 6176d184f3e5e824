package io.c2csync.connector.sink;

import static io.c2csync.connector.sink.Events.insert;
import static io.c2csync.connector.sink.Events.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.c2csync.connector.topics.ChangeEventFormat;

/** Nothing the sink cannot apply is skipped: the task fails and says why. */
class FailClosedTest {

  private final SinkHarness sink = new SinkHarness();

  @AfterEach
  void close() {
    sink.close();
  }

  @Test
  void unknownOperationTypeStopsTheTaskAndNothingAfterItIsApplied() {
    List<SinkRecord> records = sink.records(
        insert("db", "c", "{_id: 1}"),
        "{_id: {_data: 'x'}, operationType: 'shardCollection', ns: {db: 'db', coll: 'c'}, operationDescription: {}}",
        insert("db", "c", "{_id: 2}"));

    assertThatThrownBy(() -> sink.put(records))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("c2c-sync.s1.g1/0@1")
        .hasMessageContaining("operationType 'shardCollection'")
        .hasMessageContaining("Stopping rather than skipping it");
    assertThat(sink.documents("db", "c")).isEmpty();
  }

  @Test
  void aFreshCopyThatDidNotComeFromTheCopyDropsNothing() {
    sink.put(sink.records(insert("db", "c", "{_id: 1}")));

    assertThatThrownBy(() -> sink.put(sink.records("{_id: {_data: 'x'}, operationType: 'c2cFreshCopy'}")))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("only the copy emits c2cFreshCopy");
    assertThat(sink.documents("db", "c")).hasSize(1);
  }

  @Test
  void malformedEventsNameTheMissingField() {
    assertThatThrownBy(() -> sink.put(sink.records("{operationType: 'insert', ns: {db: 'db', coll: 'c'}, documentKey: {_id: 1}}")))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("operationType insert").hasMessageContaining("fullDocument is missing");
    assertThatThrownBy(() -> sink.put(sink.records("{operationType: 'rename', ns: {db: 'db', coll: 'c'}}")))
        .hasMessageContaining("to is missing");
    assertThatThrownBy(() -> sink.put(sink.records("{operationType: 'createIndexes', ns: {db: 'db', coll: 'c'}, operationDescription: {}}")))
        .hasMessageContaining("operationDescription.indexes must be a non-empty array");
  }

  @Test
  void recordsWithoutOurFormatHeaderAreRefused() {
    SinkRecord foreign = new SinkRecord(SinkHarness.TOPIC, 0, null, null, null,
        ChangeEventFormat.encode(BsonDocument.parse(insert("db", "c", "{_id: 1}"))), 0, null, null, new ConnectHeaders());

    assertThatThrownBy(() -> sink.put(List.of(foreign)))
        .hasMessageContaining("c2c.format header missing, expected 'bson-change-event-v1'");
  }

  @Test
  void invalidMarkersAreRefused() {
    assertThatThrownBy(() -> sink.put(sink.records(replace("__c2c_sync", "markers",
        "{_id: {syncId: 's1', group: 'g1', kind: 'heartbeat'}, sequence: 1}"))))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("invalid marker document")
        .hasMessageContaining("field 'sequence' must be INT64");
  }
}
