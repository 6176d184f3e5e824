package io.c2csync.pipeline;

import com.mongodb.client.MongoClient;
import io.c2csync.connector.topics.SecretReference;

/** What every environment has alike: clients of both clusters, their connection strings for the worker, and a teardown. */
abstract class ClustersAndSecrets implements PipelineEnvironment {

    private final Closer closer;
    private final MongoClient source;
    private final MongoClient destination;
    private final SecretsFile secrets;

    ClustersAndSecrets(Closer closer, MongoClient source, MongoClient destination, SecretsFile secrets) {
        this.closer = closer;
        this.source = source;
        this.destination = destination;
        this.secrets = secrets;
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
        return secrets.reference(SecretsFile.SOURCE_URI);
    }

    @Override
    public SecretReference destinationUri() {
        return secrets.reference(SecretsFile.DESTINATION_URI);
    }

    /** Closes everything the environment started, newest first, and reports every failure. */
    @Override
    public void close() {
        closer.close();
    }

    /** Closes what {@code closer} holds after a failed start, keeping the start's failure first. */
    static RuntimeException closeAfterFailedStart(Closer closer, RuntimeException failure) {
        try {
            closer.close();
        } catch (RuntimeException teardown) {
            failure.addSuppressed(teardown);
        }
        return failure;
    }
}
