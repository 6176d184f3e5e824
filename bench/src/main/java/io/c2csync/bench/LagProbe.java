package io.c2csync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;

import io.c2csync.connector.sink.SinkConnectorConfigs;
import io.c2csync.connector.sink.SinkGroupSpec;
import io.c2csync.connector.source.BuildIndexes;
import io.c2csync.connector.source.SourceConnectorConfigs;
import io.c2csync.connector.source.SourceGroupSpec;
import io.c2csync.connector.source.SourceStart;
import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.connector.topics.SyncGroupTopic;
import io.c2csync.runtime.Await;
import io.c2csync.runtime.EmbeddedRuntime;
import io.c2csync.runtime.RuntimeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * bench/probe-lag: where one change's lag goes. Writes inserts and updates at a fixed rate through a running
 * c2c-sync and stamps every change (wall clock, ms) at each stage of its path: written on the source, seen in the
 * source's change stream (what the source task can read), stamped by the source task's producer (Kafka CreateTime),
 * read from the topic by an extra consumer, covered by the sink's checkpoint ({@code appliedAt}, written after each
 * put), seen in the destination's change stream.
 * Prints percentiles of each hop. A profiling aid, not part of bench/run's report.
 */
@Command(name = "bench/probe-lag", mixinStandardHelpOptions = true,
    description = "Per-hop lag of changes through c2c-sync (source stream, producer, topic, destination).")
public final class LagProbe implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LagProbe.class);
    private static final String DATABASE = "probe_lag";
    private static final String[] HOPS = {"written", "source stream", "producer (CreateTime)", "topic read", "sink checkpoint",
        "destination"};

    @Option(names = "--rate", description = "writes per second, the bench's mix of 50 %% inserts, 30 %% updates, "
        + "20 %% deletes (default ${DEFAULT-VALUE})")
    double rate = 200;

    @Option(names = "--seconds", description = "writer duration (default ${DEFAULT-VALUE})")
    int seconds = 15;

    @Option(names = "--work-dir", description = "run folders of the embedded runtime (default ${DEFAULT-VALUE})")
    Path workDir = Path.of("bench/target/runs");

    private final Map<Long, long[]> stamps = new ConcurrentHashMap<>();
    private final Map<Long, Long> versionByOffset = new ConcurrentHashMap<>();
    private final List<long[]> checkpoints = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LagProbe()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RuntimeConfig defaults = RuntimeConfig.defaults(workDir);
        try (Clusters clusters = Clusters.start();
             EmbeddedRuntime runtime = EmbeddedRuntime.start(new RuntimeConfig(defaults.workDir(), defaults.buildOutput(),
                 0, 0, 0, "768m", defaults.startTimeout(), defaults.stopTimeout(), false))) {
            MongoCollection<Document> source = clusters.sourceClient().getDatabase(DATABASE).getCollection("docs");
            clusters.sourceClient().getDatabase(DATABASE).createCollection("docs");
            SyncGroupTopic topic = new SyncGroupTopic("probe", "g0");
            try (ConnectorSet sync = deployOneGroup(clusters, runtime, topic)) {
                source.insertOne(new Document("_id", -1).append("v", -1L));
                Await.await("c2c-sync streaming", Duration.ofSeconds(120)).guardedBy(sync::ensureNoneFailed)
                    .until(() -> clusters.destinationClient().getDatabase(DATABASE).getCollection("docs")
                        .estimatedDocumentCount() > 0);
                List<Thread> observers = List.of(
                    tail("source-stream", clusters.sourceClient().getDatabase(DATABASE).getCollection("docs"), 1),
                    tail("destination-stream", clusters.destinationClient().getDatabase(DATABASE).getCollection("docs"), 5),
                    checkpointTail(clusters.destinationClient().getDatabase("__c2c_sync").getCollection("checkpoints")),
                    topicReader(runtime.bootstrapServers(), topic.name()));
                long written = write(source);
                Await.await("every change on the destination", Duration.ofSeconds(120)).guardedBy(sync::ensureNoneFailed)
                    .until(() -> stamps.values().stream().filter(s -> s[5] > 0).count() >= written);
                closing = true;
                for (Thread observer : observers) {
                    observer.join(TimeUnit.SECONDS.toMillis(10));
                }
                report(written);
            }
        }
        return 0;
    }

    /**
     * c2c-sync's source and sink connectors for one sync group over {@value #DATABASE}, posted straight to the
     * worker (no control plane: the probe reads the group's topic and checkpoints); the connection strings reach the
     * worker through a properties file read by its FileConfigProvider.
     */
    private static ConnectorSet deployOneGroup(Clusters clusters, EmbeddedRuntime runtime, SyncGroupTopic topic)
        throws IOException {
        Path secrets = runtime.runDir().resolve("probe-clusters.properties").toAbsolutePath();
        Files.writeString(secrets, "source.uri=" + clusters.source().connectionString() + "\n"
            + "destination.uri=" + clusters.destination().connectionString() + "\n");
        NamespaceSelection selection = new NamespaceSelection(List.of(NamespaceFilter.database(DATABASE)), List.of());
        ConnectorSet connectors = new ConnectorSet(runtime.connectClient());
        connectors.create(SourceConnectorConfigs.connectorName(topic), SourceConnectorConfigs.create(new SourceGroupSpec(
            topic, SecretReference.file(secrets.toString(), "source.uri"), selection, BuildIndexes.AFTER_DATA_COPY,
            new SourceStart.CopyThenStream())));
        connectors.create(SinkConnectorConfigs.connectorName(topic), SinkConnectorConfigs.create(new SinkGroupSpec(
            topic, SecretReference.file(secrets.toString(), "destination.uri"), selection)));
        return connectors;
    }

    /** The bench's mix: 50 % inserts, 30 % updates, 20 % deletes; a delete of {@code _id} x is stamped as -(x + 1). */
    private long write(MongoCollection<Document> source) {
        SplittableRandom random = new SplittableRandom(42);
        List<Long> live = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long operations = 0;
        long version = 0;
        while (System.nanoTime() < end) {
            long due = start + (long) (operations * 1e9 / rate);
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            long[] stamp = new long[HOPS.length];
            int dice = random.nextInt(10);
            if (live.size() < 100 || dice < 5) {
                stamps.put(version, stamp);
                stamp[0] = System.currentTimeMillis();
                source.insertOne(new Document("_id", version).append("v", version).append("payload", "y".repeat(150)));
                live.add(version);
            } else if (dice < 8) {
                stamps.put(version, stamp);
                stamp[0] = System.currentTimeMillis();
                source.updateOne(Filters.eq("_id", live.get(random.nextInt(live.size()))), Updates.set("v", version));
            } else {
                int index = random.nextInt(live.size());
                long id = live.get(index);
                live.set(index, live.get(live.size() - 1));
                live.remove(live.size() - 1);
                stamps.put(-(id + 1), stamp);
                stamp[0] = System.currentTimeMillis();
                source.deleteOne(Filters.eq("_id", id));
            }
            version++;
            operations++;
        }
        LOG.info("Wrote {} changes in {} s", operations, seconds);
        return operations;
    }

    private Thread tail(String name, MongoCollection<Document> collection, int hop) {
        MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream =
            collection.watch().maxAwaitTime(50, TimeUnit.MILLISECONDS).cursor();
        return start(name, () -> {
            try (stream) {
                while (!closing) {
                    ChangeStreamDocument<Document> event = stream.tryNext();
                    if (event != null) {
                        stamp(version(event), hop, System.currentTimeMillis());
                    }
                }
            }
        });
    }

    private Thread topicReader(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("group.id", "lag-probe");
        properties.put("auto.offset.reset", "earliest");
        properties.put("max.partition.fetch.bytes", "33554432");
        return start("topic-reader", () -> {
            try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (!closing) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long read = System.currentTimeMillis();
                        Long version = version(new RawBsonDocument(record.value()));
                        stamp(version, 2, record.timestamp());
                        stamp(version, 3, read);
                        if (version != null) {
                            versionByOffset.put(record.offset(), version);
                        }
                    }
                }
            }
        });
    }

    private Thread checkpointTail(MongoCollection<Document> collection) {
        MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream =
            collection.watch().maxAwaitTime(50, TimeUnit.MILLISECONDS).cursor();
        return start("checkpoint-stream", () -> {
            try (stream) {
                while (!closing) {
                    ChangeStreamDocument<Document> event = stream.tryNext();
                    if (event != null && event.getFullDocument() != null) {
                        checkpoints.add(new long[] {((Number) event.getFullDocument().get("offset")).longValue(),
                            System.currentTimeMillis(), event.getFullDocument().getDate("appliedAt").getTime()});
                    }
                }
            }
        });
    }

    private void stampCheckpoints() {
        versionByOffset.forEach((offset, version) -> checkpoints.stream().filter(c -> c[0] >= offset).findFirst()
            .ifPresent(c -> stamp(version, 4, c[2])));
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void stamp(Long version, int hop, long millis) {
        long[] stamp = version == null ? null : stamps.get(version);
        if (stamp != null && stamp[hop] == 0) {
            stamp[hop] = millis;
        }
    }

    private static Long version(ChangeStreamDocument<Document> event) {
        if (event.getOperationType() == OperationType.DELETE) {
            return -(event.getDocumentKey().get("_id").asNumber().longValue() + 1);
        }
        if (event.getFullDocument() != null && event.getFullDocument().get("v") instanceof Number v) {
            return v.longValue();
        }
        if (event.getUpdateDescription() != null && event.getUpdateDescription().getUpdatedFields() != null
            && event.getUpdateDescription().getUpdatedFields().get("v") != null) {
            return event.getUpdateDescription().getUpdatedFields().get("v").asNumber().longValue();
        }
        return null;
    }

    private static Long version(BsonDocument event) {
        if ("delete".equals(event.getString("operationType", new BsonString("")).getValue())) {
            return -(event.getDocument("documentKey").getNumber("_id").longValue() + 1);
        }
        if (event.isDocument("fullDocument") && event.getDocument("fullDocument").isNumber("v")) {
            return event.getDocument("fullDocument").getNumber("v").longValue();
        }
        if (event.isDocument("updateDescription")) {
            BsonDocument updated = event.getDocument("updateDescription").getDocument("updatedFields", new BsonDocument());
            return updated.isNumber("v") ? updated.getNumber("v").longValue() : null;
        }
        return null;
    }

    private void report(long written) {
        stampCheckpoints();
        List<long[]> complete = new ArrayList<>(stamps.values().stream().filter(s -> Arrays.stream(s).allMatch(t -> t > 0)).toList());
        System.out.printf("%n%d changes written at %.0f/s, %d stamped at every hop%n", written, rate, complete.size());
        System.out.printf("%-45s %8s %8s %8s %8s%n", "hop (ms)", "p50", "p95", "p99", "max");
        for (int hop = 1; hop < HOPS.length; hop++) {
            int h = hop;
            print(HOPS[h - 1] + " -> " + HOPS[h], complete.stream().mapToLong(s -> s[h] - s[h - 1]).sorted().toArray());
        }
        print("written -> destination (total)", complete.stream().mapToLong(s -> s[5] - s[0]).sorted().toArray());
    }

    private static void print(String label, long[] sorted) {
        if (sorted.length == 0) {
            System.out.printf("%-45s (no samples)%n", label);
            return;
        }
        System.out.printf("%-45s %8d %8d %8d %8d%n", label, at(sorted, 50), at(sorted, 95), at(sorted, 99),
            sorted[sorted.length - 1]);
    }

    private static long at(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
