package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.mongodb.kafka.connect.source.MongoSourceConfig;

import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.RegexFilter;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.connector.topics.SyncGroupTopic;

/**
 * Golden files: {@code src/test/resources/source/<case>.properties}. To accept a deliberate
 * change, run with {@code -Dgolden.update=true} and review the diff.
 */
class SourceConnectorConfigsTest {

  private static final Path GOLDEN = Path.of("src/test/resources/source");
  private static final SecretReference CLUSTER0 = SecretReference.file("/etc/c2c-sync/clusters.properties", "cluster0.uri");

  static List<Object[]> cases() {
    NamespaceSelection filtered = new NamespaceSelection(
        List.of(NamespaceFilter.database("sales"), NamespaceFilter.collections("hr", "people", "teams")),
        List.of(NamespaceFilter.collections("sales", "tmp")));
    NamespaceSelection regex = new NamespaceSelection(
        List.of(new NamespaceFilter(null, List.of(), new RegexFilter("^shop_", "i"), new RegexFilter("log$", ""))),
        List.of());
    return List.of(
        new Object[] {"all-namespaces-copy", new SourceGroupSpec(new SyncGroupTopic("s1", "all"), CLUSTER0,
            NamespaceSelection.ALL, BuildIndexes.AFTER_DATA_COPY, new SourceStart.CopyThenStream())},
        new Object[] {"include-exclude-copy", new SourceGroupSpec(new SyncGroupTopic("s1", "sales"), CLUSTER0,
            filtered, BuildIndexes.BEFORE_DATA_COPY, new SourceStart.CopyThenStream())},
        new Object[] {"regex-env-secret-copy", new SourceGroupSpec(new SyncGroupTopic("s1", "shops"),
            SecretReference.env("C2C_CLUSTER0_URI"), regex, BuildIndexes.NEVER, new SourceStart.CopyThenStream())},
        new Object[] {"reverse-at-commit-point", new SourceGroupSpec(new SyncGroupTopic("s1", "all"),
            SecretReference.file("/etc/c2c-sync/clusters.properties", "cluster1.uri"), NamespaceSelection.ALL,
            BuildIndexes.AFTER_DATA_COPY,
            new SourceStart.AtClusterTime(new BsonTimestamp(1764144000, 7)))});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGoldenFile(String name, SourceGroupSpec spec) throws IOException {
    String actual = render(SourceConnectorConfigs.create(spec));
    Path golden = GOLDEN.resolve(name + ".properties");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isAValidMongoKafkaSourceConfigOnceTheWorkerResolvesTheSecret(String name, SourceGroupSpec spec) {
    Map<String, String> config = new HashMap<>(SourceConnectorConfigs.create(spec));
    assertThat(config.get("connection.uri")).startsWith("${").doesNotContain("mongodb://");
    config.put("connection.uri", "mongodb://localhost:27017");

    MongoSourceConfig parsed = new MongoSourceConfig(config);

    List<BsonDocument> pipeline = BsonArray.parse(parsed.getString("pipeline")).stream()
        .map(BsonValue::asDocument).collect(Collectors.toList());
    assertThat(pipeline).isEqualTo(ChangeStreamPipeline.forGroup(
        spec.selection(), spec.topic().syncId(), spec.topic().group()));
    assertThat(parsed.getBoolean("change.stream.show.expanded.events")).isTrue();
    C2cSourceConfig ours = C2cSourceConfig.from(config);
    assertThat(ours.selection()).isEqualTo(spec.selection());
    assertThat(ours.buildIndexes()).isEqualTo(spec.buildIndexes());
    assertThat(ours.sourcePartition()).isEqualTo(Map.of("ns", spec.topic().name()));
    assertThat(parsed.getTopicMapper().getTopic(BsonDocument.parse("{ns: {db: 'any', coll: 'x'}}")))
        .isEqualTo(spec.topic().name());
    assertThat(parsed.getTopicMapper().getTopic(BsonDocument.parse("{ns: {db: 'any'}}")))
        .isEqualTo(spec.topic().name());
  }

  private static String render(SortedMap<String, String> config) {
    return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
