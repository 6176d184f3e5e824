package io.c2csync.pipeline;

import com.mongodb.client.MongoClient;
import io.c2csync.connect.ConnectClient;
import io.c2csync.connector.topics.SecretReference;

/**
 * Two MongoDB clusters and a Kafka Connect cluster (with its broker) that load our plugin: what
 * the pipeline suite runs on. The connectors get the connection strings only as config-provider
 * placeholders; the test reaches both clusters through driver clients.
 */
interface PipelineEnvironment extends AutoCloseable {

    /** A client of the source cluster, for the workload and the comparison. */
    MongoClient source();

    /** A client of the destination cluster, for the comparison. */
    MongoClient destination();

    /** The source connection string as the Connect worker resolves it. */
    SecretReference sourceUri();

    /** The destination connection string as the Connect worker resolves it. */
    SecretReference destinationUri();

    ConnectClient connect();

    /** Kills the Connect worker with SIGKILL and starts it again; returns when its REST API answers. */
    void crashAndRestartWorker();

    @Override
    void close();
}
