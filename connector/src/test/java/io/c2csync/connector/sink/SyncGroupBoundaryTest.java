package io.c2csync.connector.sink;

import static io.c2csync.connector.sink.Events.dropDatabase;
import static io.c2csync.connector.sink.Events.insert;
import static io.c2csync.connector.sink.Events.rename;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.connect.errors.ConnectException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;

/** A sync group's sink stays inside its namespaces when several groups share one destination. */
class SyncGroupBoundaryTest {

  private final SinkHarness sink = new SinkHarness(new NamespaceSelection(
      List.of(NamespaceFilter.collections("shop", "orders", "archive"), NamespaceFilter.database("hr")), List.of()));

  @AfterEach
  void close() {
    sink.close();
  }

  @Test
  void dropDatabaseDropsOnlyThisGroupsCollections() {
    sink.collection("shop", "customers").insertOne(BsonDocument.parse("{_id: 'written by another group'}"));
    sink.put(sink.records(insert("shop", "orders", "{_id: 1}"), dropDatabase("shop")));

    assertThat(sink.collectionNames("shop")).containsExactly("customers");
  }

  @Test
  void renamesWithinTheGroupAreApplied() {
    // (across databases too; stock mongo-java-server cannot rename across databases, the emulator can)
    sink.put(sink.records(insert("shop", "orders", "{_id: 1}"), rename("shop", "orders", "shop", "archive")));

    assertThat(sink.documents("shop", "archive")).hasSize(1);
  }

  @Test
  void renamesOutOfOrIntoTheSyncFailLoudly() {
    assertThatThrownBy(() -> sink.put(sink.records(rename("shop", "orders", "shop", "customers"))))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("renames shop.orders to shop.customers, out of this sync's namespaces")
        .hasMessageContaining("filters that hold both namespaces");
    assertThatThrownBy(() -> sink.put(sink.records(rename("crm", "leads", "hr", "leads"))))
        .hasMessageContaining("into this sync's namespaces");
  }
}
