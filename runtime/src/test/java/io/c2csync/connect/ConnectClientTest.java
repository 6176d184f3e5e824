package io.c2csync.connect;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.c2csync.runtime.EmbeddedRuntime;
import io.c2csync.runtime.EmbeddedRuntimeExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedRuntimeExtension.class)
class ConnectClientTest {

    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);
    private static final String SINK = "com.mongodb.kafka.connect.MongoSinkConnector";

    @TempDir
    Path secrets;

    private MongoServer mongo;
    private String mongoUri;

    @BeforeEach
    void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
    }

    @AfterEach
    void stopMongo() {
        mongo.shutdownNow();
    }

    @Test
    void listsMongoConnectorsFromThePluginFolder(ConnectClient connect) {
        assertThat(connect.connectorPlugins())
                .filteredOn(plugin -> plugin.className().startsWith("com.mongodb.kafka.connect."))
                .extracting(ConnectorPlugin::className, ConnectorPlugin::type)
                .containsExactlyInAnyOrder(
                        tuple("com.mongodb.kafka.connect.MongoSourceConnector", "source"),
                        tuple(SINK, "sink"));
    }

    @Test
    void sinkConnectorRunsWritesPausesResumesRestartsAndIsDeleted(EmbeddedRuntime runtime, ConnectClient connect)
            throws Exception {
        Path secretsFile = Files.writeString(secrets.resolve("mongo.properties"), "uri=" + mongoUri + "\n");
        String uriReference = "${file:" + secretsFile + ":uri}";
        Map<String, String> config = Map.of(
                "connector.class", SINK,
                "tasks.max", "1",
                "topics", "people",
                "connection.uri", uriReference,
                "database", "sinkdb",
                "collection", "people",
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter");

        ConnectorInfo created = connect.create("people-sink", config);

        assertThat(created.name()).isEqualTo("people-sink");
        assertThat(connect.connectors()).contains("people-sink");
        assertThat(connect.config("people-sink"))
                .containsEntry("connection.uri", uriReference)
                .doesNotContainValue(mongoUri);
        awaitState(connect, "people-sink", ConnectState.RUNNING);

        produce(runtime, "people", "{\"name\": \"Ada\"}");
        try (MongoClient client = MongoClients.create(mongoUri)) {
            await("the sink to write Ada", STATE_TIMEOUT).until(() -> client.getDatabase("sinkdb")
                    .getCollection("people").countDocuments(Filters.eq("name", "Ada")) == 1);
        }

        connect.pause("people-sink");
        awaitState(connect, "people-sink", ConnectState.PAUSED);
        connect.resume("people-sink");
        awaitState(connect, "people-sink", ConnectState.RUNNING);
        connect.restart("people-sink");
        awaitState(connect, "people-sink", ConnectState.RUNNING);

        connect.delete("people-sink");
        assertThat(connect.connectors()).doesNotContain("people-sink");
    }

    @Test
    void unknownConnectorIsNotFound(ConnectClient connect) {
        assertThatThrownBy(() -> connect.status("no-such-connector"))
                .isInstanceOfSatisfying(ConnectRestException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.connectMessage()).isEqualTo("No status found for connector no-such-connector");
                });
    }

    @Test
    void invalidConfigIsRefusedWithConnectsMessage(ConnectClient connect) {
        assertThatThrownBy(() -> connect.putConfig("no-database", Map.of(
                "connector.class", SINK,
                "topics", "people",
                "connection.uri", mongoUri)))
                .isInstanceOfSatisfying(ConnectRestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.connectMessage()).contains("Missing required configuration \"database\"");
                    assertThat(e.getMessage()).contains("PUT").contains("/connectors/no-database/config")
                            .contains("HTTP 400");
                });
        assertThat(connect.connectors()).doesNotContain("no-database");
    }

    private static void awaitState(ConnectClient connect, String name, ConnectState state) {
        await(name + " to be " + state, STATE_TIMEOUT).until(() -> {
            ConnectorStatus status = connect.status(name);
            if (status.connector().state() == ConnectState.FAILED) {
                throw new AssertionError(name + " failed: " + status.failureTraces());
            }
            return status.isFully(state);
        });
    }

    private static void produce(EmbeddedRuntime runtime, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, runtime.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "ada", value)).get(30, TimeUnit.SECONDS);
        }
    }
}
