package io.c2csync.connector.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyncGroupTopicTest {

  @Test
  void nameRoundTrips() {
    SyncGroupTopic topic = new SyncGroupTopic("sync-1", "db_sales");
    assertThat(topic.name()).isEqualTo("c2c-sync.sync-1.db_sales");
    assertThat(SyncGroupTopic.parse(topic.name())).isEqualTo(topic);
  }

  @Test
  void rejectsIdsThatWouldBreakTheName() {
    assertThatThrownBy(() -> new SyncGroupTopic("a.b", "g"))
        .hasMessageContaining("syncId").hasMessageContaining("'a.b'");
    assertThatThrownBy(() -> new SyncGroupTopic("s", ""))
        .hasMessageContaining("group");
    assertThatThrownBy(() -> SyncGroupTopic.parse("other.s.g"))
        .hasMessageContaining("not a sync group topic");
  }
}
