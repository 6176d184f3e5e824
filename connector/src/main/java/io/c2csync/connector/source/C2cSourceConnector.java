package io.c2csync.connector.source;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;

import com.mongodb.kafka.connect.MongoSourceConnector;

import io.c2csync.connector.ConnectorVersion;

/**
 * mongo-kafka's source connector (config, live validation, one task) with our task: a copy that
 * survives restarts without losing events, with collection options and indexes (see README).
 */
public class C2cSourceConnector extends MongoSourceConnector {

  static final String VERSION = ConnectorVersion.on(new MongoSourceConnector().version());

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public ConfigDef config() {
    return C2cSourceConfig.configDef();
  }

  @Override
  public Class<? extends Task> taskClass() {
    return C2cSourceTask.class;
  }
}
