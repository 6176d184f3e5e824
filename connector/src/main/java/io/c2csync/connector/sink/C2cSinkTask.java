package io.c2csync.connector.sink;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.kafka.connect.sink.MongoSinkConfig;

import io.c2csync.connector.topics.InvalidMarkerException;
import io.c2csync.connector.topics.MalformedChangeEventException;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SelectionConfig;

/** Thin task shell: parses mongo-kafka's sink config, then delegates to {@link ChangeEventApplier}. */
public class C2cSinkTask extends SinkTask {

  private static final Logger LOGGER = LoggerFactory.getLogger(C2cSinkTask.class);

  private MongoClient client;
  private ChangeEventApplier applier;

  @Override
  public String version() {
    return C2cSinkConnector.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    long started = System.nanoTime();
    MongoSinkConfig config = new MongoSinkConfig(props);
    NamespaceSelection selection = SelectionConfig.read(props);
    client = MongoClients.create(config.getConnectionString());
    applier = new ChangeEventApplier(client, selection, SelectionConfig.readSync(props));
    LOGGER.info("Starting c2c-sync sink task for {} took {} ms", config.getTopics().orElseThrow(),
        (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    try {
      applier.apply(records);
    } catch (MalformedChangeEventException | InvalidMarkerException | UnsupportedChangeEventException e) {
      throw new ConnectException(e.getMessage(), e);
    } catch (AwaitingSyncGroupException e) {
      context.timeout(AwaitingSyncGroupException.RETRY_AFTER_MS);
      throw e;
    }
  }

  @Override
  public void stop() {
    if (client != null) {
      client.close();
    }
  }
}
