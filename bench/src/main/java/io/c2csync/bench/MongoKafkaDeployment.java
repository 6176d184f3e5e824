package io.c2csync.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.c2csync.runtime.EmbeddedRuntime;
import io.c2csync.runtime.RuntimeConfig;

/**
 * The plain mongo-kafka 2.0.1 pipeline on an embedded runtime of its own per sync, started cold as c2c-sync's is (a
 * JVM warmed by the previous measurement would copy faster than one that compiles its code while copying): one stock
 * MongoSourceConnector with
 * {@code copy_existing} per database's collection (database or cluster scope copy_existing breaks with driver 5.x)
 * and one stock MongoSinkConnector with its ChangeStreamHandler, BSON on the wire, the same batch size as the others.
 */
public final class MongoKafkaDeployment implements Deployment {

    private final Clusters clusters;
    private final RuntimeConfig runtimeConfig;
    private volatile EmbeddedRuntime running;

    public MongoKafkaDeployment(Clusters clusters, RuntimeConfig runtimeConfig) {
        this.clusters = clusters;
        this.runtimeConfig = runtimeConfig;
    }

    /** The running sync's Connect worker; empty when none runs. */
    List<ProcessHandle> worker() {
        EmbeddedRuntime runtime = running;
        return runtime == null ? List.of() : runtime.workerProcess().processTree();
    }

    /** The running sync's Kafka broker; empty when none runs. */
    List<ProcessHandle> broker() {
        EmbeddedRuntime runtime = running;
        return runtime == null ? List.of() : runtime.brokerProcess().processTree();
    }

    @Override
    public RunningSync prepare(SyncPlan plan) {
        if (running != null) {
            throw new IllegalStateException("one mongo-kafka pipeline at a time; " + running.runDir() + " still runs");
        }
        EmbeddedRuntime runtime = EmbeddedRuntime.start(runtimeConfig);
        running = runtime;
        ConnectorSet connectors = new ConnectorSet(runtime.connectClient());
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
                try {
                    connectors.close();
                } finally {
                    running = null;
                    runtime.close();
                }
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
