package io.c2csync.connector.topics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * The one codec for marker documents. Layout:
 * <pre>{ _id: {syncId, group, kind}, sequence: int64, wallTime: date, sourceClusterTime: timestamp? }</pre>
 */
public final class MarkerCodec {

  public static final String ID = "_id";
  public static final String SYNC_ID = "syncId";
  public static final String GROUP = "group";
  public static final String KIND = "kind";
  public static final String SEQUENCE = "sequence";
  public static final String WALL_TIME = "wallTime";
  public static final String SOURCE_CLUSTER_TIME = "sourceClusterTime";
  private static final Set<String> TOP_LEVEL = Set.of(ID, SEQUENCE, WALL_TIME, SOURCE_CLUSTER_TIME);
  private static final Set<String> ID_FIELDS = Set.of(SYNC_ID, GROUP, KIND);

  private MarkerCodec() {}

  /** The {@code _id} of a marker; the control plane upserts by it. */
  public static BsonDocument id(String syncId, String group, MarkerKind kind) {
    return new BsonDocument(SYNC_ID, new BsonString(syncId))
        .append(GROUP, new BsonString(group))
        .append(KIND, new BsonString(kind.wireName()));
  }

  public static BsonDocument encode(Marker marker) {
    BsonDocument document = new BsonDocument(ID, id(marker.syncId(), marker.group(), marker.kind()))
        .append(SEQUENCE, new BsonInt64(marker.sequence()))
        .append(WALL_TIME, new BsonDateTime(marker.wallTime().toEpochMilli()));
    if (marker.sourceClusterTime() != null) {
      document.append(SOURCE_CLUSTER_TIME, marker.sourceClusterTime());
    }
    return document;
  }

  /** Decodes and validates; every problem is named in one {@link InvalidMarkerException}. */
  public static Marker decode(BsonDocument document) {
    List<String> problems = new ArrayList<>();
    document.keySet().stream().filter(k -> !TOP_LEVEL.contains(k))
        .forEach(k -> problems.add("unknown field '" + k + "'"));
    BsonDocument id = field(document, ID, BsonType.DOCUMENT, BsonValue::asDocument, problems);
    String syncId = null;
    String group = null;
    MarkerKind kind = null;
    if (id != null) {
      id.keySet().stream().filter(k -> !ID_FIELDS.contains(k))
          .forEach(k -> problems.add("unknown field '_id." + k + "'"));
      syncId = stringField(id, SYNC_ID, problems);
      group = stringField(id, GROUP, problems);
      String kindName = stringField(id, KIND, problems);
      if (kindName != null) {
        try {
          kind = MarkerKind.fromWireName(kindName);
        } catch (IllegalArgumentException e) {
          problems.add("_id." + KIND + ": " + e.getMessage());
        }
      }
    }
    BsonInt64 sequence = field(document, SEQUENCE, BsonType.INT64, BsonValue::asInt64, problems);
    BsonDateTime wallTime = field(document, WALL_TIME, BsonType.DATE_TIME, BsonValue::asDateTime, problems);
    BsonTimestamp clusterTime = document.containsKey(SOURCE_CLUSTER_TIME)
        ? field(document, SOURCE_CLUSTER_TIME, BsonType.TIMESTAMP, BsonValue::asTimestamp, problems)
        : null;
    if (problems.isEmpty()) {
      try {
        return new Marker(syncId, group, kind, sequence.getValue(),
            Instant.ofEpochMilli(wallTime.getValue()), clusterTime);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    throw new InvalidMarkerException(document, problems);
  }

  private static String stringField(BsonDocument id, String name, List<String> problems) {
    BsonString value = field(id, name, BsonType.STRING, BsonValue::asString, problems);
    return value == null ? null : value.getValue();
  }

  private static <T> T field(
      BsonDocument document, String name, BsonType type, Function<BsonValue, T> cast, List<String> problems) {
    BsonValue value = document.get(name);
    if (value == null) {
      problems.add("missing field '" + name + "'");
      return null;
    }
    if (value.getBsonType() != type) {
      problems.add("field '" + name + "' must be " + type + ", got " + value.getBsonType());
      return null;
    }
    return cast.apply(value);
  }
}
