package io.c2csync.controlplane.faults;

import io.c2csync.connector.topics.ChangeEventFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Duplicates seen: the records of the sync's topics ({@code c2c-sync.<id>-p<n>.<group>}) that carry a change event
 * already delivered before. An event is named by its topic and its {@code _id} — the change stream's resume token,
 * unique per event; for the copy's events ({@code _id: {_id, copyingData: true}} or {@code {copyingData, ddl, ns}})
 * the namespace is added, since a copy's document ids repeat across collections. A re-sent record after a
 * restart (the source task resuming from its last committed offset) is counted once per extra copy. The sink
 * applies each record idempotently, so a duplicate costs time, never correctness. Read committed only: records of
 * aborted transactions were never delivered. Reads incrementally: each call reads what was appended since the last.
 */
public final class TopicEvents {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String topicPrefix;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private long records;
    private long duplicates;

    public TopicEvents(String syncId) {
        this.topicPrefix = "c2c-sync." + syncId + "-p";
    }

    /** What has been read so far. */
    public record Tally(long records, long duplicates) {
        public Tally since(Tally earlier) {
            return new Tally(records - earlier.records, duplicates - earlier.duplicates);
        }
    }

    /** Reads every record appended to the sync's topics since the last call (the broker must be up). */
    public synchronized Tally readNew(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(READ_TIMEOUT).forEach((topic, infos) -> {
                if (topic.startsWith(topicPrefix)) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, positions.getOrDefault(partition, 0L));
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the sync's topics could not be read to their end in " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count(record);
                }
            }
            partitions.forEach(p -> positions.put(p, consumer.position(p, READ_TIMEOUT)));
        }
        return new Tally(records, duplicates);
    }

    private void count(ConsumerRecord<byte[], byte[]> record) {
        BsonDocument event = ChangeEventFormat.decode(record.value());
        BsonValue id = event.get("_id");
        if (id == null) {
            throw new IllegalStateException("a record of " + record.topic() + " at offset " + record.offset()
                    + " carries no event _id: " + event.toJson());
        }
        boolean copy = id.isDocument() && id.asDocument().containsKey("copyingData");
        String name = record.topic() + " " + id.toString() + (copy ? " " + event.get("ns") : "");
        records++;
        if (!seen.add(name)) {
            duplicates++;
        }
    }

    private static Properties config(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, ChangeEventFormat.MAX_RECORD_BYTES);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "fault-matrix-duplicates");
        return config;
    }
}
