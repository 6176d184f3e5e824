package io.c2csync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.c2csync.connect.ConnectClient;
import io.c2csync.connect.ConnectState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child killed with SIGKILL comes back by itself, with what it kept in Kafka; endless failures end in a give-up. */
class RuntimeSupervisionTest {

    private static final Duration RECOVERY = Duration.ofSeconds(180);
    /** A shared 2-core machine under load starts a child in minutes, not seconds. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String TOPIC = "supervised";
    private static final String GROUP = "supervised-readers";

    @TempDir
    Path workDir;

    @Test
    void workerKilledMinusNineIsRestartedOnTheSameRestUrlWithItsConnectorsRunning() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind(LoopbackPorts.HOST, 0);
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(config(Duration.ofSeconds(20)));
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort())) {
            ConnectClient connect = runtime.connectClient();
            URI restUrl = runtime.connectUrl();
            createTopic(runtime.bootstrapServers());
            produce(runtime.bootstrapServers(), 0, 3);
            connect.create("supervised-sink", Map.of(
                    "connector.class", "com.mongodb.kafka.connect.MongoSinkConnector",
                    "topics", TOPIC,
                    "connection.uri", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(),
                    "database", "db",
                    "collection", "coll",
                    "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                    "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                    "document.id.strategy",
                    "com.mongodb.kafka.connect.sink.processor.id.strategy.ProvidedInValueStrategy"));
            MongoCollection<Document> written = client.getDatabase("db").getCollection("coll");
            awaitDocuments(written, 3);
            ChildProcess killed = runtime.workerProcess();

            killMinusNine(killed);

            Await.await("the restart shown as a warning", RECOVERY)
                    .until(() -> runtime.warnings().stream().anyMatch(w -> w.contains("Connect worker")
                            && w.contains("restarting it")));
            Await.await("a new worker with supervised-sink RUNNING", RECOVERY)
                    .until(() -> runtime.workerProcess() != killed && runtime.workerProcess().isAlive()
                            && connect.status("supervised-sink").isFully(ConnectState.RUNNING));
            assertThat(runtime.connectUrl()).isEqualTo(restUrl);
            assertThat(connect.connectors()).containsExactly("supervised-sink");
            produce(runtime.bootstrapServers(), 3, 2);
            awaitDocuments(written, 5);
            assertThat(runtime.warnings()).isEmpty();
            assertThat(runtime.gaveUp()).isNotDone();
        } finally {
            mongo.shutdownNow();
        }
        assertThat(ChildProcesses.mentioning(workDir)).isEmpty();
    }

    @Test
    void brokerKilledMinusNineIsRestartedWithItsTopicsRecordsAndCommittedOffsets() throws Exception {
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(config(Duration.ofSeconds(20)))) {
            String bootstrap = runtime.bootstrapServers();
            createTopic(bootstrap);
            produce(bootstrap, 0, 3);
            assertThat(readAndCommit(bootstrap)).containsExactly("value0", "value1", "value2");
            ChildProcess killed = runtime.brokerProcess();
            ChildProcess worker = runtime.workerProcess();

            killMinusNine(killed);

            Await.await("a new broker", RECOVERY)
                    .until(() -> runtime.brokerProcess() != killed && runtime.warnings().isEmpty());
            try (Admin admin = admin(bootstrap)) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(TOPIC);
                assertThat(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS))
                        .extractingByKey(new TopicPartition(TOPIC, 0))
                        .extracting(OffsetAndMetadata::offset).isEqualTo(3L);
            }
            produce(bootstrap, 3, 1);
            assertThat(readAndCommit(bootstrap)).as("only what came after the committed offset")
                    .containsExactly("value3");
            assertThat(runtime.workerProcess()).as("the worker outlives a broker restart").isSameAs(worker);
            assertThat(runtime.connectClient().connectors()).isEmpty();
            assertThat(Files.readString(runtime.brokerProcess().logFile()))
                    .contains("All of the log directories are already formatted");
            assertThat(runtime.gaveUp()).isNotDone();
        }
        assertThat(ChildProcesses.mentioning(workDir)).isEmpty();
    }

    @Test
    void aBrokerThatCannotComeBackIsGivenUpOnVisiblyAfterItsRestartsInARow() throws Exception {
        RestartPolicy twoQuickRestarts = new RestartPolicy(2, Duration.ofMinutes(5), Duration.ofMillis(200),
                Duration.ofMillis(200), START_TIMEOUT);
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(config(Duration.ofSeconds(5)), twoQuickRestarts)) {
            int controllerPort = controllerPort(runtime);
            ChildProcess killed = runtime.brokerProcess();

            killMinusNine(killed);
            try (ServerSocket taken = new ServerSocket(controllerPort, 1, InetAddress.getByName(LoopbackPorts.HOST))) {
                ChildProcessException failure = runtime.gaveUp().get(RECOVERY.toSeconds(), TimeUnit.SECONDS);

                assertThat(failure).hasMessageContaining("Kafka broker")
                        .hasMessageContaining("Unable to start acceptor for CONTROLLER")
                        .hasMessageContaining("broker.log");
                assertThat(runtime.warnings()).singleElement().asString()
                        .contains("Kafka broker is down", "failed 3 times in a row", "not restarted any more",
                                "broker.log", "restart c2c-sync");
                assertThat(runtime.brokerProcess().isAlive()).isFalse();
                assertThat(runtime.processes()).extracting(ProcessHandle::pid).doesNotContain(killed.pid());
                assertThat(Files.readString(killed.logFile()).split("log directories are already formatted", -1))
                        .as("two restarts").hasSize(3);
            }
        }
        assertThat(ChildProcesses.mentioning(workDir)).isEmpty();
    }

    private RuntimeConfig config(Duration stopTimeout) {
        RuntimeConfig defaults = RuntimeConfig.defaults(workDir);
        return new RuntimeConfig(workDir, defaults.buildOutput(), 0, 0, 0, defaults.childMaxHeap(), START_TIMEOUT,
                stopTimeout, false);
    }

    private static int controllerPort(EmbeddedRuntime runtime) throws IOException {
        String properties = Files.readString(runtime.runDir().resolve("broker.properties"));
        String prefix = "controller.quorum.bootstrap.servers=" + LoopbackPorts.HOST + ":";
        return properties.lines().filter(line -> line.startsWith(prefix))
                .map(line -> Integer.parseInt(line.substring(prefix.length())))
                .findFirst().orElseThrow();
    }

    /** SIGKILL from outside, as an operator's {@code kill -9} or the OOM killer. */
    private static void killMinusNine(ChildProcess child) {
        ProcessHandle process = ProcessHandle.of(child.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }

    private static void createTopic(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, int first, int count) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new StringSerializer())) {
            for (int i = first; i < first + count; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "key" + i, "{\"_id\": " + i + "}"))
                        .get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** Reads the group's records up to the end of the topic and commits its position. */
    private static List<String> readAndCommit(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(60)).get(partition);
            Await.await("the records of " + TOPIC + " up to offset " + end, RECOVERY).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add("value" + record.key().substring("key".length()));
                }
                return consumer.position(partition) >= end;
            });
            consumer.commitSync(Duration.ofSeconds(60));
        }
        return values;
    }

    private static void awaitDocuments(MongoCollection<Document> collection, long count) {
        Await.await(count + " documents written by the sink", RECOVERY)
                .until(() -> collection.countDocuments() == count);
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
