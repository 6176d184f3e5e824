package io.c2csync.connector.source;

import org.apache.kafka.connect.connector.Task;

import io.c2csync.connector.ConnectorVersion;

import com.mongodb.kafka.connect.MongoSourceConnector;

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
  public Class<? extends Task> taskClass() {
    return C2cSourceTask.class;
  }
}
