package io.c2csync.pipeline;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.c2csync.connect.ConnectClient;
import io.c2csync.runtime.Await;
import io.c2csync.runtime.BuildOutput;
import io.c2csync.runtime.ConnectWorkerProperties;
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
final class ContainerEnvironment extends ClustersAndSecrets {

    static final String MONGODB_IMAGE = "mongo:7.0";
    static final String KAFKA_IMAGE = "apache/kafka:4.4.0";

    private static final int CONNECT_PORT = 8083;
    private static final String KAFKA_ALIAS = "kafka";
    private static final String KAFKA_INTERNAL_LISTENER = KAFKA_ALIAS + ":19092";
    private static final String CONTAINER_FOLDER = "/opt/c2c";
    private static final Duration CONNECT_START_TIMEOUT = Duration.ofSeconds(120);

    private final GenericContainer<?> worker;
    private volatile ConnectClient connect;

    private ContainerEnvironment(Closer closer, MongoClient source, MongoClient destination, SecretsFile secrets,
            GenericContainer<?> worker) {
        super(closer, source, destination, secrets);
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
            SecretsFile secrets = SecretsFile.write(secretsPath, secretsInContainer,
                    "mongodb://mongo-source:27017/?directConnection=true",
                    "mongodb://mongo-destination:27017/?directConnection=true");
            Path workerProperties = workDir.resolve("connect-distributed.properties").toAbsolutePath();
            SecretsFile.writeProperties(workerProperties, workerProperties());
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
            throw closeAfterFailedStart(closer, e);
        }
    }

    private static MongoDBContainer mongo(Network network, String alias) {
        return new MongoDBContainer(System.getProperty("c2c.mongodb.image", MONGODB_IMAGE)).withReplicaSet()
                .withNetwork(network).withNetworkAliases(alias);
    }

    private static String hostUri(MongoDBContainer cluster) {
        return "mongodb://" + cluster.getHost() + ":" + cluster.getMappedPort(27017) + "/?directConnection=true";
    }

    /** The embedded worker's, but listening on all interfaces of the container and reaching Kafka by alias. */
    private static Map<String, String> workerProperties() {
        Map<String, String> properties = new LinkedHashMap<>(ConnectWorkerProperties.of(KAFKA_INTERNAL_LISTENER,
                CONNECT_PORT, Path.of(CONTAINER_FOLDER, "plugins")));
        properties.put("listeners", "http://0.0.0.0:" + CONNECT_PORT);
        properties.remove("rest.advertised.host.name");
        return properties;
    }

    private static URI restUrl(String host, int port) {
        return URI.create("http://" + host + ":" + port);
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
}
