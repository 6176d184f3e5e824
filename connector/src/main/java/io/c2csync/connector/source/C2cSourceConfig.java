package io.c2csync.connector.source;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import com.mongodb.kafka.connect.source.MongoSourceConfig;

/** Our keys on top of mongo-kafka's source config, read into types (bad values fail with the key). */
public record C2cSourceConfig(NamespaceSelection selection, BuildIndexes buildIndexes, String offsetPartitionName) {

  public static final String INCLUDE_NAMESPACES = "c2c.include.namespaces";
  public static final String EXCLUDE_NAMESPACES = "c2c.exclude.namespaces";
  public static final String BUILD_INDEXES = "c2c.build.indexes";
  static final String OFFSET_PARTITION_NAME = "offset.partition.name";

  /** mongo-kafka's source config plus our keys, each documented and validated where Connect validates. */
  public static ConfigDef configDef() {
    return new ConfigDef(MongoSourceConfig.CONFIG)
        .define(INCLUDE_NAMESPACES, Type.STRING, "[]", (name, value) -> validate(() -> filters(Map.of(name, (String) value), name)),
            Importance.HIGH, "mongosync includeNamespaces filters as a JSON array; none = every user namespace")
        .define(EXCLUDE_NAMESPACES, Type.STRING, "[]", (name, value) -> validate(() -> filters(Map.of(name, (String) value), name)),
            Importance.HIGH, "mongosync excludeNamespaces filters as a JSON array, applied after the includes")
        .define(BUILD_INDEXES, Type.STRING, BuildIndexes.AFTER_DATA_COPY.wireName(),
            (name, value) -> validate(() -> buildIndexes((String) value)),
            Importance.MEDIUM, "When the copy builds the source's indexes: beforeDataCopy, afterDataCopy or never");
  }

  private static void validate(Runnable parse) {
    try {
      parse.run();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

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
