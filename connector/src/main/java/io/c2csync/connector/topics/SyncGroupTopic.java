package io.c2csync.connector.topics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Kafka topic that carries one sync group's change events. It has exactly one partition, so
 * the sink sees the group's events — DDL included — in source order. A name is never reused for a
 * new topic (e.g. after reverse use a new syncId such as {@code s1-r1}): the sink's DDL
 * checkpoints on the destination are keyed by topic name and offset.
 */
public record SyncGroupTopic(String syncId, String group) {

  public static final String PREFIX = "c2c-sync";
  public static final int PARTITIONS = 1;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public SyncGroupTopic {
    requireId("syncId", syncId);
    requireId("group", group);
  }

  /** The topic name, {@code c2c-sync.<syncId>.<group>}. */
  public String name() {
    return PREFIX + "." + syncId + "." + group;
  }

  /** Parses a name produced by {@link #name()}; anything else is rejected. */
  public static SyncGroupTopic parse(String topicName) {
    Objects.requireNonNull(topicName, "topicName");
    String[] parts = topicName.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException(
          "'" + topicName + "' is not a sync group topic (expected " + PREFIX + ".<syncId>.<group>)");
    }
    return new SyncGroupTopic(parts[1], parts[2]);
  }

  static void requireId(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be 1-64 characters of [A-Za-z0-9_-], got " + (value == null ? "null" : "'" + value + "'"));
    }
  }
}
