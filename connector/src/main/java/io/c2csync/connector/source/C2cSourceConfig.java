package io.c2csync.connector.source;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import com.mongodb.kafka.connect.source.MongoSourceConfig;

import io.c2csync.connector.ConfigDefs;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SelectionConfig;

/** Our keys on top of mongo-kafka's source config, read into types (bad values fail with the key). */
public record C2cSourceConfig(NamespaceSelection selection, BuildIndexes buildIndexes, String offsetPartitionName) {

  public static final String BUILD_INDEXES = "c2c.build.indexes";
  static final String OFFSET_PARTITION_NAME = "offset.partition.name";

  /** mongo-kafka's source config plus our keys, each documented and validated where Connect validates. */
  public static ConfigDef configDef() {
    return ConfigDefs.extend(MongoSourceConfig.CONFIG, ours -> SelectionConfig.define(ours)
        .define(BUILD_INDEXES, Type.STRING, BuildIndexes.AFTER_DATA_COPY.wireName(),
            (name, value) -> {
              try {
                buildIndexes((String) value);
              } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
              }
            },
            Importance.MEDIUM, "When the copy builds the source's indexes: beforeDataCopy, afterDataCopy or never"));
  }

  public static C2cSourceConfig from(Map<String, String> props) {
    String partition = props.get(OFFSET_PARTITION_NAME);
    if (partition == null || partition.isEmpty()) {
      throw new IllegalArgumentException(OFFSET_PARTITION_NAME + " must be set: the copy's progress is stored under it");
    }
    return new C2cSourceConfig(
        SelectionConfig.read(props),
        buildIndexes(props.getOrDefault(BUILD_INDEXES, BuildIndexes.AFTER_DATA_COPY.wireName())),
        partition);
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
