package io.c2csync.connector.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class MarkerCodecTest {

  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00.123Z");

  @Test
  void heartbeatAndCommitPointRoundTrip() {
    Marker heartbeat = new Marker("s1", "g1", MarkerKind.HEARTBEAT, 42, NOW, null);
    Marker commit = new Marker("s1", "g1", MarkerKind.COMMIT_POINT, 1, NOW, new BsonTimestamp(1700000000, 3));

    assertThat(MarkerCodec.decode(MarkerCodec.encode(heartbeat))).isEqualTo(heartbeat);
    assertThat(MarkerCodec.decode(MarkerCodec.encode(commit))).isEqualTo(commit);
    assertThat(MarkerCodec.encode(commit).toJson()).isEqualTo(
        "{\"_id\": {\"syncId\": \"s1\", \"group\": \"g1\", \"kind\": \"commitPoint\"}, "
            + "\"sequence\": 1, \"wallTime\": {\"$date\": \"2026-11-26T08:00:00.123Z\"}, "
            + "\"sourceClusterTime\": {\"$timestamp\": {\"t\": 1700000000, \"i\": 3}}}");
  }

  @Test
  void validatorNamesEveryProblem() {
    BsonDocument bad = new BsonDocument("_id", new BsonDocument("syncId", new BsonString("s1"))
            .append("kind", new BsonString("lunch")))
        .append("sequence", new BsonInt32(1))
        .append("extra", new BsonInt32(0));

    assertThatThrownBy(() -> MarkerCodec.decode(bad))
        .isInstanceOfSatisfying(InvalidMarkerException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "unknown field 'extra'",
            "missing field 'group'",
            "_id.kind: unknown marker kind 'lunch' (expected one of heartbeat, commitPoint)",
            "field 'sequence' must be INT64, got INT32",
            "missing field 'wallTime'"));
  }

  @Test
  void commitPointWithoutClusterTimeIsRejected() {
    BsonDocument document = MarkerCodec.encode(new Marker("s1", "g1", MarkerKind.HEARTBEAT, 0, NOW, null));
    document.getDocument("_id").put("kind", new BsonString("commitPoint"));

    assertThatThrownBy(() -> MarkerCodec.decode(document)).hasMessageContaining("needs sourceClusterTime");
  }
}
