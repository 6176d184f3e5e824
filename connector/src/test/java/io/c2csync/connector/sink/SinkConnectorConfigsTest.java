package io.c2csync.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.mongodb.kafka.connect.sink.MongoSinkConfig;

import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.connector.topics.SelectionConfig;
import io.c2csync.connector.topics.SyncGroupTopic;

/** Golden file {@code src/test/resources/sink/default.properties}; {@code -Dgolden.update=true} rewrites it. */
class SinkConnectorConfigsTest {

  private static final SinkGroupSpec SPEC = new SinkGroupSpec(new SyncGroupTopic("s1", "sales"),
      SecretReference.file("/etc/c2c-sync/clusters.properties", "cluster1.uri"),
      new NamespaceSelection(List.of(NamespaceFilter.database("sales")), List.of(NamespaceFilter.collections("sales", "tmp"))),
      new NamespaceSelection(List.of(), List.of(NamespaceFilter.collections("sales", "tmp"))));

  @Test
  void matchesGoldenFile() throws IOException {
    String actual = SinkConnectorConfigs.create(SPEC).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
    Path golden = Path.of("src/test/resources/sink/default.properties");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void isAValidMongoKafkaSinkConfigOnceTheWorkerResolvesTheSecret() throws ClassNotFoundException {
    Map<String, String> config = new HashMap<>(SinkConnectorConfigs.create(SPEC));
    assertThat(config.get("connection.uri")).isEqualTo("${file:/etc/c2c-sync/clusters.properties:cluster1.uri}");
    config.put("connection.uri", "mongodb://localhost:27017");

    MongoSinkConfig parsed = new MongoSinkConfig(config);

    assertThat(parsed.getTopics()).contains(List.of("c2c-sync.s1.sales"));
    assertThat(SelectionConfig.read(config)).isEqualTo(SPEC.selection());
    assertThat(SelectionConfig.readSync(config)).isEqualTo(SPEC.syncSelection());
    assertThat(new C2cSinkConnector().config().validate(config)).allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
    assertThat(Class.forName(config.get("connector.class"))).isEqualTo(C2cSinkConnector.class);
    assertThat(new C2cSinkConnector().taskClass()).isEqualTo(C2cSinkTask.class);
  }
}
