package io.c2csync.connector.sink;

import java.util.SortedMap;
import java.util.TreeMap;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.connector.topics.SelectionConfig;
import io.c2csync.connector.topics.SyncGroupTopic;

/** The pure function {@code SinkGroupSpec -> connector config} for {@link C2cSinkConnector}; golden-file tested. */
public final class SinkConnectorConfigs {

  private SinkConnectorConfigs() {}

  /** The Connect connector name for a group's sink side. */
  public static String connectorName(SyncGroupTopic topic) {
    return topic.name() + ".sink";
  }

  public static SortedMap<String, String> create(SinkGroupSpec spec) {
    SortedMap<String, String> config = new TreeMap<>();
    config.put("connector.class", C2cSinkConnector.class.getName());
    // one partition per group topic: a second task would only idle
    config.put("tasks.max", "1");
    config.put("topics", spec.topic().name());
    config.put("connection.uri", spec.destinationUri().placeholder());
    // required by mongo-kafka's sink config; our task writes each event to its own namespace
    config.put("database", MarkerNamespace.DATABASE);
    config.put("key.converter", ChangeEventFormat.CONVERTER_CLASS);
    config.put("value.converter", ChangeEventFormat.CONVERTER_CLASS);
    config.put("consumer.override.max.partition.fetch.bytes", ChangeEventFormat.MAX_RECORD_BYTES);
    // the broker answers a fetch once 64 KiB are there or after 20 ms: fewer, larger puts (each costs its bulk
    // writes and a checkpoint) for at most 20 ms more of latency
    config.put("consumer.override.fetch.min.bytes", Integer.toString(64 * 1024));
    config.put("consumer.override.fetch.max.wait.ms", "20");
    // a sink started first must not auto-create the topic with the broker's defaults (1 MiB records):
    // the source connector creates it with the group's settings
    config.put("consumer.override.allow.auto.create.topics", "false");
    config.put("errors.tolerance", "none");
    config.put("mongo.errors.tolerance", "none");
    SelectionConfig.write(spec.selection(), config);
    SelectionConfig.writeSync(spec.syncSelection(), config);
    return config;
  }
}
