package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import io.c2csync.connector.topics.SelectionConfig;

/** What Connect's validate (PUT /connector-plugins/.../config/validate) reports for our keys. */
class C2cSourceConfigTest {

  private static Map<String, ConfigValue> validate(Map<String, String> ours) {
    Map<String, String> props = new HashMap<>(ours);
    props.put("connection.uri", "mongodb://localhost:27017");
    props.put("offset.partition.name", "c2c-sync.s1.g1");
    Map<String, ConfigValue> values = new HashMap<>();
    new C2cSourceConnector().config().validate(props).forEach(v -> values.put(v.name(), v));
    return values;
  }

  @Test
  void badFiltersAndBuildIndexesAreReportedOnTheirKeys() {
    Map<String, ConfigValue> values = validate(Map.of(
        SelectionConfig.INCLUDE_NAMESPACES, "[{\"databse\": \"x\"}]",
        C2cSourceConfig.BUILD_INDEXES, "sometimes"));

    assertThat(values.get(SelectionConfig.INCLUDE_NAMESPACES).errorMessages())
        .containsExactly("c2c.include.namespaces: filter 0 has unknown field 'databse'");
    assertThat(values.get(C2cSourceConfig.BUILD_INDEXES).errorMessages())
        .containsExactly("c2c.build.indexes: buildIndexes must be one of beforeDataCopy, afterDataCopy, never, got 'sometimes'");
    assertThat(values.get(SelectionConfig.EXCLUDE_NAMESPACES).errorMessages()).isEmpty();
  }

  @Test
  void everyKeyOfOursIsDocumented() {
    ConfigDef def = C2cSourceConfig.configDef();
    assertThat(def.configKeys().get(SelectionConfig.INCLUDE_NAMESPACES).documentation).isNotBlank();
    assertThat(def.configKeys().get(SelectionConfig.EXCLUDE_NAMESPACES).documentation).isNotBlank();
    assertThat(def.configKeys().get(C2cSourceConfig.BUILD_INDEXES).documentation).isNotBlank();
    assertThat(def.configKeys()).containsKey("connection.uri");
  }
}
