package io.c2csync.connector.source;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.SelectionConfig;
import io.c2csync.connector.topics.RecordHeaders;
import io.c2csync.connector.topics.SyncGroupTopic;

/**
 * The pure function {@code SourceGroupSpec -> connector config} for {@link C2cSourceConnector}
 * (mongo-kafka 2.0.1's MongoSourceConnector with our copy). No I/O; pinned by golden files.
 */
public final class SourceConnectorConfigs {

  public static final String CONNECTOR_CLASS = C2cSourceConnector.class.getName();
  private static final String INSERT_HEADER = "org.apache.kafka.connect.transforms.InsertHeader";
  private static final String PRODUCER_BATCH_BYTES = Integer.toString(1024 * 1024);
  private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

  private SourceConnectorConfigs() {}

  /** The Connect connector name for a group's source side. */
  public static String connectorName(SyncGroupTopic topic) {
    return topic.name() + ".source";
  }

  public static SortedMap<String, String> create(SourceGroupSpec spec) {
    SyncGroupTopic topic = spec.topic();
    SortedMap<String, String> config = new TreeMap<>();
    config.put("connector.class", CONNECTOR_CLASS);
    config.put("tasks.max", "1");
    config.put("connection.uri", spec.sourceUri().placeholder());
    // cluster-wide stream: the pipeline selects namespaces, DDL included
    config.put("database", "");
    config.put("collection", "");
    config.put("pipeline", json(ChangeStreamPipeline.forGroup(spec.selection(), topic.syncId(), topic.group())));
    config.put("change.stream.show.expanded.events", "true");
    // inserts and replaces carry fullDocument; updates are applied from updateDescription
    config.put("change.stream.full.document", "default");
    config.put("publish.full.document.only", "false");
    config.put("change.stream.document.key.as.key", "false");
    config.put("output.format.key", ChangeEventFormat.MONGO_KAFKA_OUTPUT_FORMAT);
    config.put("output.format.value", ChangeEventFormat.MONGO_KAFKA_OUTPUT_FORMAT);
    config.put("key.converter", ChangeEventFormat.CONVERTER_CLASS);
    config.put("value.converter", ChangeEventFormat.CONVERTER_CLASS);
    config.put("topic.namespace.map", "{\"*\": \"" + topic.name() + "\"}");
    config.put("topic.creation.default.partitions", Integer.toString(SyncGroupTopic.PARTITIONS));
    config.put("topic.creation.default.replication.factor", "-1");
    // unconsumed events must outlive any pause; the control plane deletes the topic when done
    config.put("topic.creation.default.retention.ms", "-1");
    config.put("topic.creation.default.cleanup.policy", "delete");
    config.put("topic.creation.default.max.message.bytes", ChangeEventFormat.MAX_RECORD_BYTES);
    config.put("producer.override.max.request.size", ChangeEventFormat.MAX_RECORD_BYTES);
    // Connect's producer has one request in flight and a request carries one batch per partition: with the
    // 16 KiB default a 16 KB document travels alone, one round trip each
    config.put("producer.override.batch.size", PRODUCER_BATCH_BYTES);
    config.put("offset.partition.name", topic.name());
    config.put("heartbeat.interval.ms", "0");
    config.put("poll.max.batch.size", "1000");
    config.put("poll.await.time.ms", "1000");
    config.put("errors.tolerance", "none");
    config.put("mongo.errors.tolerance", "none");
    SelectionConfig.write(spec.selection(), config);
    config.put(C2cSourceConfig.BUILD_INDEXES, spec.buildIndexes().wireName());
    putStart(config, spec);
    putHeader(config, "c2cFormat", RecordHeaders.FORMAT, ChangeEventFormat.FORMAT_ID);
    putHeader(config, "c2cSyncId", RecordHeaders.SYNC_ID, topic.syncId());
    putHeader(config, "c2cGroup", RecordHeaders.SYNC_GROUP, topic.group());
    config.put("transforms", "c2cFormat,c2cSyncId,c2cGroup");
    return config;
  }

  private static void putStart(Map<String, String> config, SourceGroupSpec spec) {
    if (spec.start() instanceof SourceStart.AtClusterTime at) {
      config.put("startup.mode", "timestamp");
      config.put("startup.mode.timestamp.start.at.operation.time",
          "{\"$timestamp\": {\"t\": " + at.clusterTime().getTime() + ", \"i\": " + at.clusterTime().getInc() + "}}");
    } else {
      // C2cSourceTask copies (restartable, with options and indexes), then streams from before the copy
      config.put("startup.mode", "copy_existing");
    }
  }

  private static void putHeader(Map<String, String> config, String alias, String header, String value) {
    String prefix = "transforms." + alias + ".";
    config.put(prefix + "type", INSERT_HEADER);
    config.put(prefix + "header", header);
    config.put(prefix + "value.literal", value);
  }

  private static String json(List<BsonDocument> pipeline) {
    return pipeline.stream().map(stage -> stage.toJson(JSON)).collect(Collectors.joining(", ", "[", "]"));
  }
}
