package io.c2csync.connector.source;

import java.util.Arrays;
import java.util.stream.Collectors;

/** mongosync's {@code buildIndexes}: when the copy creates the source's indexes on the destination. */
public enum BuildIndexes {
  BEFORE_DATA_COPY("beforeDataCopy"),
  AFTER_DATA_COPY("afterDataCopy"),
  /** Only {@code _id}; later createIndexes events are still applied. */
  NEVER("never");

  private final String wireName;

  BuildIndexes(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static BuildIndexes fromWireName(String name) {
    return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("buildIndexes must be one of "
            + Arrays.stream(values()).map(BuildIndexes::wireName).collect(Collectors.joining(", ")) + ", got '" + name + "'"));
  }
}
