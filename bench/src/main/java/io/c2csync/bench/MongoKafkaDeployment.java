package io.c2csync.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.c2csync.connect.ConnectClient;

/**
 * The plain mongo-kafka 2.0.1 pipeline on the bench's own worker: one stock MongoSourceConnector with
 * {@code copy_existing} per database's collection (database or cluster scope copy_existing breaks with driver 5.x)
 * and one stock MongoSinkConnector with its ChangeStreamHandler, BSON on the wire, the same batch size as the others.
 */
public final class MongoKafkaDeployment implements Deployment {

    private final Clusters clusters;
    private final ConnectClient connect;

    public MongoKafkaDeployment(Clusters clusters, ConnectClient connect) {
        this.clusters = clusters;
        this.connect = connect;
    }

    @Override
    public RunningSync prepare(SyncPlan plan) {
        ConnectorSet connectors = new ConnectorSet(connect);
        String prefix = plan.syncId();
        return new RunningSync() {
            @Override
            public void begin() {
                for (String database : plan.databases()) {
                    connectors.create(prefix + "-source-" + database, source(prefix, database));
                }
                connectors.create(prefix + "-sink", sink(prefix));
            }

            @Override
            public void awaitCopied(Dataset dataset, Duration timeout) {
                connectors.await("mongo-kafka copy of " + dataset.label(), timeout,
                    () -> DestinationCounts.complete(clusters.destinationClient(), dataset));
            }

            @Override
            public boolean awaitCommittable(Duration timeout) {
                return false;
            }

            @Override
            public void ensureHealthy() {
                connectors.ensureNoneFailed();
            }

            @Override
            public void close() {
                connectors.close();
            }
        };
    }

    private Map<String, String> source(String prefix, String database) {
        Map<String, String> config = new TreeMap<>();
        config.put("connector.class", "com.mongodb.kafka.connect.MongoSourceConnector");
        config.put("connection.uri", clusters.source().connectionString());
        config.put("database", database);
        config.put("collection", Dataset.COLLECTION);
        config.put("startup.mode", "copy_existing");
        config.put("topic.prefix", prefix);
        config.put("output.format.key", "bson");
        config.put("output.format.value", "bson");
        config.put("poll.max.batch.size", Integer.toString(Dataset.BATCH));
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        return config;
    }

    private Map<String, String> sink(String prefix) {
        Map<String, String> config = new TreeMap<>();
        config.put("connector.class", "com.mongodb.kafka.connect.MongoSinkConnector");
        config.put("connection.uri", clusters.destination().connectionString());
        config.put("topics.regex", prefix + "\\..*");
        config.put("database", "unused");
        config.put("change.data.capture.handler", "com.mongodb.kafka.connect.sink.cdc.mongodb.ChangeStreamHandler");
        config.put("namespace.mapper", "com.mongodb.kafka.connect.sink.namespace.mapping.FieldPathNamespaceMapper");
        config.put("namespace.mapper.value.database.field", "ns.db");
        config.put("namespace.mapper.value.collection.field", "ns.coll");
        config.put("consumer.override.metadata.max.age.ms", "500");
        config.put("consumer.override.auto.offset.reset", "earliest");
        return config;
    }
}
