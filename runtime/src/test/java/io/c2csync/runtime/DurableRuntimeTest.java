package io.c2csync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableRuntimeTest {

    private static final String TOPIC = "durable-check";
    private static final String CONNECTOR = "durable-sink";

    @TempDir
    Path workDir;

    @Test
    void restartAfterKillMinusNineKeepsPortsTopicsRecordsAndConnectors() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind(LoopbackPorts.HOST, 0);
        InetSocketAddress mongoAddress = mongo.getLocalAddress();
        RuntimeConfig config = RuntimeConfig.defaults(workDir).durableData();
        String bootstrap;
        java.net.URI connectUrl;
        Map<String, String> connectorConfig = Map.of(
                "connector.class", "com.mongodb.kafka.connect.MongoSinkConnector",
                "topics", TOPIC,
                "connection.uri", "mongodb://127.0.0.1:" + mongoAddress.getPort(),
                "database", "db",
                "collection", "coll");
        try (EmbeddedRuntime first = EmbeddedRuntime.start(config)) {
            bootstrap = first.bootstrapServers();
            connectUrl = first.connectUrl();
            try (Admin admin = admin(bootstrap)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "key" + i, "value" + i)).get(30, TimeUnit.SECONDS);
                }
            }
            first.connectClient().create(CONNECTOR, connectorConfig);
            killMinusNine(first);
        }
        assertThat(ChildProcesses.mentioning(workDir)).isEmpty();

        try (EmbeddedRuntime second = EmbeddedRuntime.start(config)) {
            assertThat(second.runDir()).isEqualTo(workDir.resolve("data"));
            assertThat(second.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(second.connectUrl()).isEqualTo(connectUrl);
            assertThat(values(bootstrap)).containsExactly("value0", "value1", "value2");
            assertThat(second.connectClient().connectors()).containsExactly(CONNECTOR);
            assertThat(second.connectClient().config(CONNECTOR)).containsAllEntriesOf(connectorConfig);
            assertThat(Files.readString(second.brokerProcess().logFile()))
                    .contains("All of the log directories are already formatted");
        }
        assertThat(ChildProcesses.mentioning(workDir)).isEmpty();
        mongo.shutdownNow();
    }

    @Test
    void persistedPortTakenNowFailsClearlyBeforeStartingAnything() throws IOException {
        RuntimeConfig defaults = RuntimeConfig.defaults(workDir);
        RuntimeConfig config = new RuntimeConfig(workDir, defaults.buildOutput(), 0, 0, 0,
                defaults.childMaxHeap(), defaults.startTimeout(), Duration.ofSeconds(2), true);
        int connectPort;
        try (EmbeddedRuntime first = EmbeddedRuntime.start(config)) {
            connectPort = first.connectUrl().getPort();
        }
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(LoopbackPorts.HOST), connectPort), 1);

            assertThatThrownBy(() -> EmbeddedRuntime.start(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Connect REST port 127.0.0.1:" + connectPort)
                    .hasMessageContaining("taken by another process")
                    .hasMessageContaining(RuntimeIdentity.FILE_NAME);
        }
        assertThat(ChildProcesses.mentioning(workDir)).isEmpty();

        assertThatThrownBy(() -> EmbeddedRuntime.start(config.withPorts(0, 0, connectPort == 1 ? 2 : connectPort - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differs from port " + connectPort);
    }

    private static void killMinusNine(EmbeddedRuntime runtime) {
        List<ProcessHandle> processes = runtime.processes();
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> process.onExit().join());
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> values(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            Await.await("3 records read back from " + TOPIC, Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                return consumer.position(partition) >= end;
            });
        }
        return values;
    }
}
