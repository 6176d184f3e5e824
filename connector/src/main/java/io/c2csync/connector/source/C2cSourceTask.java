package io.c2csync.connector.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.kafka.connect.source.MongoSourceConfig;
import com.mongodb.kafka.connect.source.MongoSourceTask;

/**
 * Copy, then stream. The copy is ours ({@link CollectionCopy}: restartable per collection,
 * collection options and indexes included, resume token taken once before the first copy and
 * kept in the offset); streaming is mongo-kafka's {@link MongoSourceTask}, started from that
 * token through {@link ResumeAfterCopyContext}.
 */
public class C2cSourceTask extends SourceTask {

  private static final Logger LOGGER = LoggerFactory.getLogger(C2cSourceTask.class);
  private static final String STARTUP_MODE = "startup.mode";
  private static final long STREAM_GATHER_MILLIS = 20;
  private static final int STREAM_SMALL_BATCH = 100;

  private Map<String, String> props;
  private MongoClient copyClient;
  private CollectionCopy copy;
  private BsonDocument resumeToken;
  private int maxBatch;
  /** Set once started: the producer's callbacks ({@link #commitRecord}) may come before its start finished. */
  private volatile MongoSourceTask streaming;
  /** Until Connect stored an offset holding the resume token, the copy sends one record and waits. */
  private final ResumePointStorage resumePointStorage = new ResumePointStorage();
  private final StreamPacer pacer = new StreamPacer(STREAM_GATHER_MILLIS, STREAM_SMALL_BATCH);

  @Override
  public String version() {
    return C2cSourceConnector.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    this.props = props;
    MongoSourceConfig mongoConfig = new MongoSourceConfig(props);
    C2cSourceConfig config = C2cSourceConfig.from(props);
    maxBatch = mongoConfig.getInt("poll.max.batch.size");
    Map<String, Object> stored = context.offsetStorageReader().offset(config.sourcePartition());
    Optional<CopyOffset> copying = CopyOffset.from(stored);
    if (!"copy_existing".equals(props.get(STARTUP_MODE)) || (stored != null && copying.isEmpty())) {
      startStreaming(null);
      return;
    }
    long started = System.nanoTime();
    copyClient = MongoClients.create(mongoConfig.getConnectionString());
    try {
      resumeToken = copying.map(CopyOffset::resumeToken).orElseGet(() -> ResumePoint.current(copyClient, pipeline()));
      CopyOffset from = copying.orElse(null);
      resumePointStorage.reset(from != null);
      copy = new CollectionCopy(copyClient, config.selection(), config.buildIndexes(),
          mongoConfig.getTopicMapper()::getTopic, config.sourcePartition(), resumeToken, from);
      LOGGER.info("Starting the copy {} (resume token {}) took {} ms",
          from == null ? "from the beginning" : "again at " + from.namespace() + " after _id " + from.lastId(),
          resumeToken.toJson(), (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      closeCopy();
      throw e;
    }
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (copy == null) {
      pacer.beforePoll();
      List<SourceRecord> records = streaming.poll();
      pacer.polled(records);
      return records;
    }
    if (resumePointStorage.mustWait()) {
      return null;
    }
    List<SourceRecord> records = copy.poll(resumePointStorage.isStored() ? maxBatch : 1);
    records.stream().findFirst().ifPresent(resumePointStorage::sent);
    if (copy.done()) {
      LOGGER.info("Copy done; streaming changes from the resume token taken before the copy");
      closeCopy();
      startStreaming(resumeToken);
    }
    return records.isEmpty() ? null : records;
  }

  @Override
  public void commit() {
    resumePointStorage.offsetsCommitted();
  }

  @Override
  public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
    resumePointStorage.acknowledged(record);
    MongoSourceTask started = streaming;
    if (started != null) {
      started.commitRecord(record, metadata);
    }
  }

  @Override
  public void stop() {
    closeCopy();
    if (streaming != null) {
      streaming.stop();
    }
  }

  private void startStreaming(BsonDocument afterCopy) {
    MongoSourceTask task = new MongoSourceTask();
    Map<String, String> streamingProps = new HashMap<>(props);
    if (afterCopy != null) {
      task.initialize(new ResumeAfterCopyContext(context, afterCopy));
      streamingProps.put(STARTUP_MODE, "latest");
    } else {
      task.initialize(context);
    }
    task.start(streamingProps);
    streaming = task;
  }

  private List<BsonDocument> pipeline() {
    return BsonArray.parse(props.getOrDefault("pipeline", "[]")).stream().map(BsonValue::asDocument).toList();
  }

  private void closeCopy() {
    if (copy != null) {
      copy.close();
      copy = null;
    }
    if (copyClient != null) {
      copyClient.close();
      copyClient = null;
    }
  }
}
