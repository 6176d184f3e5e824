package io.c2csync.connector.sink;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;

import com.mongodb.kafka.connect.MongoSinkConnector;
import com.mongodb.kafka.connect.sink.MongoSinkConfig;

import io.c2csync.connector.ConfigDefs;
import io.c2csync.connector.ConnectorVersion;
import io.c2csync.connector.topics.SelectionConfig;

/**
 * mongo-kafka's sink connector (its config and its live validation of connection and privileges)
 * with our task, which applies DDL in order with CRUD. mongo-kafka's own task cannot: it batches
 * CRUD into bulk writes and drops every event that is not a WriteModel.
 */
public class C2cSinkConnector extends MongoSinkConnector {

  static final String VERSION = ConnectorVersion.on(new MongoSinkConnector().version());

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public ConfigDef config() {
    return ConfigDefs.extend(MongoSinkConfig.CONFIG, SelectionConfig::define);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return C2cSinkTask.class;
  }
}
