package io.c2csync.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.c2csync.connect.ConnectClient;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
import io.c2csync.runtime.EmbeddedRuntime;
import io.c2csync.runtime.RuntimeConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Two emulated replica sets with authorization on (the connectors log in as root, which holds
 * {@code bypassWriteBlockingMode}) and the embedded runtime: a real Kafka broker and a real
 * Connect worker, child JVMs loading {@code connector/target/plugins}.
 */
final class EmulatedEnvironment extends ClustersAndSecrets {

    private static final String ROOT = "c2c-root:pipeline-secret";
    /** A worker restarted after kill -9 on a loaded machine took just over the runtime's default 60 s. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final EmbeddedRuntime runtime;

    private EmulatedEnvironment(Closer closer, EmbeddedRuntime runtime, MongoClient source, MongoClient destination,
            SecretsFile secrets) {
        super(closer, source, destination, secrets);
        this.runtime = runtime;
    }

    static EmulatedEnvironment start(Path workDir) {
        Closer closer = new Closer();
        try {
            EmulatedReplicaSet sourceCluster = closer.register(EmulatedReplicaSet.start(
                    EmulatorOptions.defaults().withReplicaSetName("rs-source").withAuth(ROOT)));
            EmulatedReplicaSet destinationCluster = closer.register(EmulatedReplicaSet.start(
                    EmulatorOptions.defaults().withReplicaSetName("rs-destination").withAuth(ROOT)));
            EmbeddedRuntime runtime = closer.register(EmbeddedRuntime.start(withStartTimeout(RuntimeConfig.defaults(workDir))));
            Path secretsPath = runtime.runDir().resolve("clusters.properties").toAbsolutePath();
            SecretsFile secrets = SecretsFile.write(secretsPath, secretsPath.toString(),
                    sourceCluster.connectionString(), destinationCluster.connectionString());
            MongoClient source = closer.register(MongoClients.create(sourceCluster.connectionString()));
            MongoClient destination = closer.register(MongoClients.create(destinationCluster.connectionString()));
            return new EmulatedEnvironment(closer, runtime, source, destination, secrets);
        } catch (RuntimeException e) {
            throw closeAfterFailedStart(closer, e);
        }
    }

    private static RuntimeConfig withStartTimeout(RuntimeConfig config) {
        return new RuntimeConfig(config.workDir(), config.buildOutput(), config.brokerPort(), config.controllerPort(),
                config.connectPort(), config.childMaxHeap(), START_TIMEOUT, config.stopTimeout(), config.durable());
    }

    @Override
    public ConnectClient connect() {
        return runtime.connectClient();
    }

    @Override
    public void crashAndRestartWorker() {
        runtime.restartWorker();
    }
}
