package io.c2csync.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run here (no Docker engine); this keeps it from rotting silently. */
class ComposeFileTest {

  private static final Path REPO = Path.of("").toAbsolutePath().getParent();
  private static Map<String, Object> compose;
  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    try (Reader reader = Files.newBufferedReader(REPO.resolve("docker-compose.yml"))) {
      compose = new Yaml().load(reader);
      services = (Map<String, Map<String, Object>>) compose.get("services");
    }
  }

  @Test
  void hasEveryServiceWithAHealthCheck() {
    assertThat(services).containsOnlyKeys("mongo0", "mongo1", "kafka", "connect", "control-plane");
    services.forEach((name, service) -> {
      Map<String, Object> healthcheck = map(service, "healthcheck");
      assertThat(list(healthcheck, "test")).as(name + " health check").isNotEmpty();
    });
  }

  @Test
  void mongoServicesAreAuthenticatedSevenOhReplicaSets() throws IOException {
    for (String name : List.of("mongo0", "mongo1")) {
      Map<String, Object> mongo = services.get(name);
      assertThat(mongo.get("image")).isEqualTo("mongo:7.0");
      assertThat(list(mongo, "command")).contains("--replSet", "--keyFile");
      assertThat(map(mongo, "environment")).containsKeys("MONGO_INITDB_ROOT_USERNAME", "C2C_SYNC_USER");
      assertThat(list(map(mongo, "healthcheck"), "test")).contains(name + ":27017");
    }
    String users = Files.readString(REPO.resolve("compose/mongo-init-users.js"));
    assertThat(users).contains("setUserWriteBlockMode", "bypassWriteBlockingMode", "C2C_SYNC_USER", "C2C_APP_USER");
  }

  @Test
  void kafkaRunsInKraftMode() {
    Map<String, Object> kafka = services.get("kafka");
    assertThat((String) kafka.get("image")).startsWith("apache/kafka:4.");
    assertThat(map(kafka, "environment").get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
  }

  @Test
  void connectLoadsOurPluginFolderAndKeepsSecretsInItsEnvironment() throws IOException {
    Map<String, Object> connect = services.get("connect");
    List<Object> command = list(connect, "command");
    assertThat(command.get(0).toString()).endsWith("connect-distributed.sh");
    Properties worker = new Properties();
    String propertiesInContainer = command.get(1).toString();
    try (Reader reader = Files.newBufferedReader(hostPath(connect, propertiesInContainer))) {
      worker.load(reader);
    }
    String pluginPath = worker.getProperty("plugin.path");
    assertThat(mountSource(connect, pluginPath)).isEqualTo("./connector/target/plugins");
    assertThat(worker.getProperty("config.providers")).contains("env");
    assertThat(worker.getProperty("bootstrap.servers")).isEqualTo("kafka:9092");
    assertThat(map(connect, "environment")).containsKeys("C2C_CLUSTER0_URI", "C2C_CLUSTER1_URI");
  }

  @Test
  void controlPlaneDeploysOntoTheComposeConnectWorker() {
    Map<String, Object> controlPlane = services.get("control-plane");
    assertThat((String) controlPlane.get("image")).startsWith("eclipse-temurin:17");
    List<Object> command = list(controlPlane, "command");
    assertThat(command).containsSequence("--connect-url", "http://connect:8083");
    assertThat(command).contains("--cluster0", "--cluster1");
    assertThat(list(controlPlane, "ports")).contains("127.0.0.1:27182:27182");
    assertThat(command).containsSequence("--work-dir", "/var/lib/c2c-sync");
    assertThat(list(controlPlane, "volumes")).contains("c2c-state:/var/lib/c2c-sync");
    assertThat(compose).containsKey("volumes");
  }

  @Test
  void everyScriptAndFileMountedFromComposeExists() throws IOException {
    services.forEach((name, service) -> {
      for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
        String source = volume.toString().split(":")[0];
        if (source.startsWith("./compose")) {
          assertThat(REPO.resolve(source)).as(name + " mounts " + source).exists();
        }
      }
    });
    try (var files = Files.list(REPO.resolve("compose"))) {
      List<Path> scripts = files.filter(p -> p.toString().endsWith(".sh")).toList();
      assertThat(scripts).isNotEmpty().allMatch(Files::isExecutable, "is executable");
    }
  }

  private static Path hostPath(Map<String, Object> service, String containerPath) {
    for (Object volume : list(service, "volumes")) {
      String[] parts = volume.toString().split(":");
      if (containerPath.startsWith(parts[1] + "/")) {
        return REPO.resolve(parts[0]).resolve(containerPath.substring(parts[1].length() + 1));
      }
    }
    throw new AssertionError(containerPath + " is not mounted into the service");
  }

  private static String mountSource(Map<String, Object> service, String containerPath) {
    return list(service, "volumes").stream()
        .map(v -> v.toString().split(":"))
        .filter(parts -> parts[1].equals(containerPath))
        .map(parts -> parts[0])
        .findFirst()
        .orElseThrow(() -> new AssertionError(containerPath + " is not mounted into the service"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    assertThat(parent).containsKey(key);
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> parent, String key) {
    assertThat(parent).containsKey(key);
    return (List<Object>) parent.get(key);
  }
}
