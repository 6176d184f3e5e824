package io.c2csync.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.c2csync.connect.ConnectClient;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
import io.c2csync.runtime.EmbeddedRuntime;
import io.c2csync.runtime.RuntimeConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Two emulated replica sets with authorization on (the connectors log in as root, which holds
 * {@code bypassWriteBlockingMode}) and the embedded runtime: a real Kafka broker and a real
 * Connect worker, child JVMs loading {@code connector/target/plugins}.
 */
final class EmulatedEnvironment implements PipelineEnvironment {

    private static final String ROOT = "c2c-root:pipeline-secret";

    private final Closer closer;
    private final EmbeddedRuntime runtime;
    private final MongoClient source;
    private final MongoClient destination;
    private final SecretsFile secrets;

    private EmulatedEnvironment(Closer closer, EmbeddedRuntime runtime, MongoClient source, MongoClient destination,
            SecretsFile secrets) {
        this.closer = closer;
        this.runtime = runtime;
        this.source = source;
        this.destination = destination;
        this.secrets = secrets;
    }

    static EmulatedEnvironment start(Path workDir) {
        Closer closer = new Closer();
        try {
            EmulatedReplicaSet sourceCluster = closer.register(EmulatedReplicaSet.start(
                    EmulatorOptions.defaults().withReplicaSetName("rs-source").withAuth(ROOT)));
            EmulatedReplicaSet destinationCluster = closer.register(EmulatedReplicaSet.start(
                    EmulatorOptions.defaults().withReplicaSetName("rs-destination").withAuth(ROOT)));
            EmbeddedRuntime runtime = closer.register(EmbeddedRuntime.start(RuntimeConfig.defaults(workDir)));
            Path secretsPath = runtime.runDir().resolve("clusters.properties").toAbsolutePath();
            SecretsFile secrets = SecretsFile.write(secretsPath, secretsPath.toString(), Map.of(
                    "source.uri", sourceCluster.connectionString(),
                    "destination.uri", destinationCluster.connectionString()));
            MongoClient source = closer.register(MongoClients.create(sourceCluster.connectionString()));
            MongoClient destination = closer.register(MongoClients.create(destinationCluster.connectionString()));
            return new EmulatedEnvironment(closer, runtime, source, destination, secrets);
        } catch (RuntimeException e) {
            try {
                closer.close();
            } catch (RuntimeException teardown) {
                e.addSuppressed(teardown);
            }
            throw e;
        }
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
        return runtime.connectClient();
    }

    @Override
    public void crashAndRestartWorker() {
        runtime.restartWorker();
    }

    @Override
    public void close() {
        closer.close();
    }
}
