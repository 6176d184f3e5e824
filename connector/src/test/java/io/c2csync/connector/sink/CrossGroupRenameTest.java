package io.c2csync.connector.sink;

import static io.c2csync.connector.sink.Events.at;
import static io.c2csync.connector.sink.Events.ddl;
import static io.c2csync.connector.sink.Events.insert;
import static io.c2csync.connector.sink.Events.of;
import static io.c2csync.connector.sink.Events.rename;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;

/**
 * A rename between two sync groups of one sync, met by both groups' sinks on one destination.
 * (The groups split one database by collection: stock mongo-java-server cannot rename across
 * databases; the pipeline tests do that on the emulator.)
 */
class CrossGroupRenameTest {

  private static final NamespaceSelection ORDERS = new NamespaceSelection(
      List.of(NamespaceFilter.collections("shop", "orders")), List.of());
  private static final NamespaceSelection ARCHIVE = new NamespaceSelection(
      List.of(NamespaceFilter.collections("shop", "archive")), List.of());
  private static final NamespaceSelection SHOP = new NamespaceSelection(List.of(NamespaceFilter.database("shop")), List.of());
  private static final String RENAME = at("r1", of(1, rename("shop", "orders", "shop", "archive")
      .replace("operationDescription: {", "operationDescription: {dropTarget: {$binary: {base64: 'AAAAAAAAAAAAAAAAAAAAAg==', subType: '04'}}, ")));

  private final SinkHarness sourceSide = SinkHarness.group("c2c-sync.s1.orders", ORDERS, SHOP);
  private final SinkHarness targetSide = sourceSide.otherGroup("c2c-sync.s1.archive", ARCHIVE);

  @AfterEach
  void close() {
    targetSide.close();
    sourceSide.close();
  }

  @Test
  void theRenameRunsOnceBothGroupsAppliedEverythingBeforeIt() {
    List<SinkRecord> ordersBatch = sourceSide.records(of(1, ddl("create", "shop", "orders", "{}")),
        insert("shop", "orders", "{_id: 1}"), RENAME,
        insert("shop", "orders", "{_id: 'recreated'}"));
    List<SinkRecord> archiveBatch = targetSide.records(insert("shop", "archive", "{_id: 'dropped target'}"), RENAME,
        insert("shop", "archive", "{_id: 'after'}"));

    assertThatThrownBy(() -> targetSide.put(archiveBatch)).isInstanceOf(AwaitingSyncGroupException.class)
        .hasMessageContaining("waits for the sync group of shop.orders to apply everything before it");
    assertThat(targetSide.retryAfterMillis).isPositive();
    assertThat(sourceSide.collectionNames("shop")).containsExactlyInAnyOrder("archive");
    assertThatThrownBy(() -> sourceSide.put(ordersBatch)).isInstanceOf(AwaitingSyncGroupException.class)
        .hasMessageContaining("waits for the sync group of shop.archive to perform it");
    assertThat(sourceSide.documents("shop", "orders")).containsExactly(BsonDocument.parse("{_id: 1}"));

    targetSide.put(archiveBatch);
    sourceSide.put(ordersBatch);

    assertThat(sourceSide.documents("shop", "archive"))
        .containsExactly(BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{_id: 'after'}"));
    assertThat(sourceSide.documents("shop", "orders")).containsExactly(BsonDocument.parse("{_id: 'recreated'}"));
  }

  @Test
  void whenTheTargetGroupsCopyAlreadyHoldsTheCollectionUnderItsNewNameOnlyTheOldCopyGoes() {
    // the source group's copy listed the collection before the rename, the target group's copy after it
    List<SinkRecord> ordersBatch = sourceSide.records(of(1, ddl("create", "shop", "orders", "{}")),
        insert("shop", "orders", "{_id: 1}"), RENAME);
    List<SinkRecord> archiveBatch = targetSide.records(of(1, ddl("create", "shop", "archive", "{}")),
        insert("shop", "archive", "{_id: 1}"), insert("shop", "archive", "{_id: 'after'}"), RENAME);
    assertThatThrownBy(() -> sourceSide.put(ordersBatch)).isInstanceOf(AwaitingSyncGroupException.class);

    targetSide.put(archiveBatch);
    sourceSide.put(ordersBatch);

    assertThat(sourceSide.collectionNames("shop")).containsExactly("archive");
    assertThat(sourceSide.documents("shop", "archive"))
        .containsExactly(BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{_id: 'after'}"));
  }

  @Test
  void aRedeliveryAfterTheRenameNeverMovesTheCollectionAgain() {
    List<SinkRecord> ordersBatch = sourceSide.records(insert("shop", "orders", "{_id: 1}"), RENAME,
        insert("shop", "orders", "{_id: 'recreated'}"));
    List<SinkRecord> archiveBatch = targetSide.records(RENAME, insert("shop", "archive", "{_id: 'after'}"));
    assertThatThrownBy(() -> sourceSide.put(ordersBatch)).isInstanceOf(AwaitingSyncGroupException.class);
    targetSide.put(archiveBatch);
    sourceSide.put(ordersBatch);

    // both crash after the checkpoint before the rename (the latest one a crash can leave), and get everything again
    targetSide.crashAfterCheckpoint(archiveBatch.get(0).kafkaOffset() - 1);
    sourceSide.crashAfterCheckpoint(ordersBatch.get(0).kafkaOffset());
    targetSide.put(archiveBatch);
    sourceSide.put(ordersBatch);

    assertThat(sourceSide.documents("shop", "orders")).containsExactly(BsonDocument.parse("{_id: 'recreated'}"));
    assertThat(sourceSide.documents("shop", "archive"))
        .containsExactly(BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{_id: 'after'}"));
  }
}
