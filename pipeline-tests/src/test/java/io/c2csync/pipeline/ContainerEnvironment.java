package io.c2csync.pipeline;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.c2csync.connect.ConnectClient;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.runtime.Await;
import io.c2csync.runtime.BuildOutput;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.MountableFile;

/**
 * Real servers in containers: two MongoDB 7 replica sets, an Apache Kafka broker and a Connect
 * worker (the Apache Kafka image's {@code connect-distributed.sh}) loading the same plugin folder.
 * Needs a Docker engine ({@link DockerEngineCondition} skips the test class where there is none).
 * Images: system properties {@code c2c.mongodb.image} (default {@value #MONGODB_IMAGE}) and
 * {@code c2c.kafka.image} (default {@value #KAFKA_IMAGE}).
 */
final class ContainerEnvironment implements PipelineEnvironment {

    static final String MONGODB_IMAGE = "mongo:7.0";
    static final String KAFKA_IMAGE = "apache/kafka:4.4.0";

    private static final int CONNECT_PORT = 8083;
    private static final String KAFKA_ALIAS = "kafka";
    private static final String KAFKA_INTERNAL_LISTENER = KAFKA_ALIAS + ":19092";
    private static final String CONTAINER_FOLDER = "/opt/c2c";
    private static final Duration CONNECT_START_TIMEOUT = Duration.ofSeconds(120);

    private final Closer closer;
    private final MongoClient source;
    private final MongoClient destination;
    private final SecretsFile secrets;
    private final GenericContainer<?> worker;
    private volatile ConnectClient connect;

    private ContainerEnvironment(Closer closer, MongoClient source, MongoClient destination, SecretsFile secrets,
            GenericContainer<?> worker) {
        this.closer = closer;
        this.source = source;
        this.destination = destination;
        this.secrets = secrets;
        this.worker = worker;
        this.connect = new ConnectClient(restUrl(worker.getHost(), worker.getMappedPort(CONNECT_PORT)));
    }

    static ContainerEnvironment start(Path workDir) {
        Closer closer = new Closer();
        try {
            Network network = closer.register(Network.newNetwork());
            KafkaContainer kafka = closer.register(new KafkaContainer(System.getProperty("c2c.kafka.image", KAFKA_IMAGE))
                    .withNetwork(network).withNetworkAliases(KAFKA_ALIAS).withListener(KAFKA_INTERNAL_LISTENER));
            MongoDBContainer sourceCluster = closer.register(mongo(network, "mongo-source"));
            MongoDBContainer destinationCluster = closer.register(mongo(network, "mongo-destination"));
            kafka.start();
            sourceCluster.start();
            destinationCluster.start();

            Path secretsPath = workDir.resolve("clusters.properties").toAbsolutePath();
            String secretsInContainer = CONTAINER_FOLDER + "/clusters.properties";
            SecretsFile secrets = SecretsFile.write(secretsPath, secretsInContainer, Map.of(
                    "source.uri", "mongodb://mongo-source:27017/?directConnection=true",
                    "destination.uri", "mongodb://mongo-destination:27017/?directConnection=true"));
            Path workerProperties = workDir.resolve("connect-distributed.properties").toAbsolutePath();
            SecretsFile.write(workerProperties, workerProperties.toString(), workerProperties());
            GenericContainer<?> worker = closer.register(new GenericContainer<>(
                    System.getProperty("c2c.kafka.image", KAFKA_IMAGE))
                    .withNetwork(network)
                    .dependsOn(kafka)
                    .withCopyFileToContainer(MountableFile.forHostPath(BuildOutput.fromSystemProperties().pluginPath()),
                            CONTAINER_FOLDER + "/plugins")
                    .withCopyFileToContainer(MountableFile.forHostPath(secretsPath), secretsInContainer)
                    .withCopyFileToContainer(MountableFile.forHostPath(workerProperties),
                            CONTAINER_FOLDER + "/connect-distributed.properties")
                    .withCommand("/opt/kafka/bin/connect-distributed.sh", CONTAINER_FOLDER + "/connect-distributed.properties")
                    .withExposedPorts(CONNECT_PORT)
                    .waitingFor(Wait.forHttp("/connectors").forPort(CONNECT_PORT)
                            .withStartupTimeout(CONNECT_START_TIMEOUT)));
            worker.start();
            MongoClient source = closer.register(MongoClients.create(hostUri(sourceCluster)));
            MongoClient destination = closer.register(MongoClients.create(hostUri(destinationCluster)));
            return new ContainerEnvironment(closer, source, destination, secrets, worker);
        } catch (RuntimeException e) {
            try {
                closer.close();
            } catch (RuntimeException teardown) {
                e.addSuppressed(teardown);
            }
            throw e;
        }
    }

    private static MongoDBContainer mongo(Network network, String alias) {
        return new MongoDBContainer(System.getProperty("c2c.mongodb.image", MONGODB_IMAGE)).withReplicaSet()
                .withNetwork(network).withNetworkAliases(alias);
    }

    private static String hostUri(MongoDBContainer cluster) {
        return "mongodb://" + cluster.getHost() + ":" + cluster.getMappedPort(27017) + "/?directConnection=true";
    }

    /** As the embedded worker's, but listening on all interfaces of the container and reaching Kafka by alias. */
    private static Map<String, String> workerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", KAFKA_INTERNAL_LISTENER);
        properties.put("group.id", "c2c-sync-connect");
        properties.put("listeners", "http://0.0.0.0:" + CONNECT_PORT);
        for (String store : new String[] {"config", "offset", "status"}) {
            properties.put(store + ".storage.topic", "c2c-sync-connect-" + store + "s");
            properties.put(store + ".storage.replication.factor", "1");
        }
        properties.put("offset.flush.interval.ms", "1000");
        properties.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        properties.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        properties.put("plugin.path", CONTAINER_FOLDER + "/plugins");
        properties.put("plugin.discovery", "service_load");
        properties.put("session.timeout.ms", "6000");
        properties.put("heartbeat.interval.ms", "1000");
        properties.put("scheduled.rebalance.max.delay.ms", "0");
        properties.put("consumer.session.timeout.ms", "6000");
        properties.put("consumer.heartbeat.interval.ms", "1000");
        properties.put("connector.client.config.override.policy", "All");
        properties.put("config.providers", "file");
        properties.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        return properties;
    }

    private static URI restUrl(String host, int port) {
        return URI.create("http://" + host + ":" + port);
    }

    @Override
    public MongoClient source() {
        return source;
    }

    @Override
    public MongoClient destination() {
        return destination;
    }

    @Override
    public SecretReference sourceUri() {
        return secrets.reference("source.uri");
    }

    @Override
    public SecretReference destinationUri() {
        return secrets.reference("destination.uri");
    }

    @Override
    public ConnectClient connect() {
        return connect;
    }

    /** SIGKILL to the worker's container, then the same container started again (its host port may change). */
    @Override
    public void crashAndRestartWorker() {
        DockerClient docker = DockerClientFactory.instance().client();
        String id = worker.getContainerId();
        docker.killContainerCmd(id).withSignal("KILL").exec();
        docker.startContainerCmd(id).exec();
        Ports.Binding[] bindings = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
                .getBindings().get(ExposedPort.tcp(CONNECT_PORT));
        ConnectClient restarted = new ConnectClient(restUrl(worker.getHost(),
                Integer.parseInt(bindings[0].getHostPortSpec())));
        Await.await("the restarted Connect worker to answer GET /connectors", CONNECT_START_TIMEOUT)
                .until(() -> restarted.connectors() != null);
        connect = restarted;
    }

    @Override
    public void close() {
        closer.close();
    }
}
