package io.c2csync.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import io.c2csync.connector.sink.C2cSinkConnector;
import io.c2csync.connector.topics.SelectionConfig;

class ConfigDefsTest {

  @Test
  void mongoKafkasCrossFieldChecksStillRunNextToOurs() {
    Map<String, ConfigValue> values = new HashMap<>();
    new C2cSinkConnector().config().validate(Map.of(
            "connection.uri", "mongodb://localhost:27017",
            "database", "__c2c_sync",
            SelectionConfig.INCLUDE_NAMESPACES, "not json"))
        .forEach(v -> values.put(v.name(), v));

    // mongo-kafka's MongoSinkConfig.validateAll: one of topics / topics.regex is required
    assertThat(values.get("topics").errorMessages()).anySatisfy(m -> assertThat(m).contains("Must configure one of topics"));
    assertThat(values.get(SelectionConfig.INCLUDE_NAMESPACES).errorMessages())
        .anySatisfy(m -> assertThat(m).startsWith("c2c.include.namespaces: namespace filters must be a JSON array"));
  }
}
