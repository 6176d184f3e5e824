package io.c2csync.connector.source;

import java.util.List;
import java.util.Map;

/** Our keys on top of mongo-kafka's source config, read into types (bad values fail with the key). */
public record C2cSourceConfig(NamespaceSelection selection, BuildIndexes buildIndexes, String offsetPartitionName) {

  public static final String INCLUDE_NAMESPACES = "c2c.include.namespaces";
  public static final String EXCLUDE_NAMESPACES = "c2c.exclude.namespaces";
  public static final String BUILD_INDEXES = "c2c.build.indexes";
  static final String OFFSET_PARTITION_NAME = "offset.partition.name";

  public static C2cSourceConfig from(Map<String, String> props) {
    String partition = props.get(OFFSET_PARTITION_NAME);
    if (partition == null || partition.isEmpty()) {
      throw new IllegalArgumentException(OFFSET_PARTITION_NAME + " must be set: the copy's progress is stored under it");
    }
    return new C2cSourceConfig(
        new NamespaceSelection(filters(props, INCLUDE_NAMESPACES), filters(props, EXCLUDE_NAMESPACES)),
        buildIndexes(props.getOrDefault(BUILD_INDEXES, BuildIndexes.AFTER_DATA_COPY.wireName())),
        partition);
  }

  private static List<NamespaceFilter> filters(Map<String, String> props, String key) {
    try {
      return NamespaceFiltersJson.parse(props.get(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  private static BuildIndexes buildIndexes(String value) {
    try {
      return BuildIndexes.fromWireName(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(BUILD_INDEXES + ": " + e.getMessage(), e);
    }
  }

  /** mongo-kafka's source partition ({@code {ns: offset.partition.name}}), shared with the streaming delegate. */
  public Map<String, Object> sourcePartition() {
    return Map.of("ns", offsetPartitionName);
  }
}
