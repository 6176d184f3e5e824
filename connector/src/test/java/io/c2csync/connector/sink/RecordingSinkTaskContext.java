package io.c2csync.connector.sink;

import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** The part of Connect's sink task context our task uses: the retry timeout it asks for. */
final class RecordingSinkTaskContext implements SinkTaskContext {

  private final LongConsumer timeouts;

  RecordingSinkTaskContext(LongConsumer timeouts) {
    this.timeouts = timeouts;
  }

  @Override
  public void timeout(long timeoutMs) {
    timeouts.accept(timeoutMs);
  }

  @Override
  public Map<String, String> configs() {
    throw unused("configs");
  }

  @Override
  public void offset(Map<TopicPartition, Long> offsets) {
    throw unused("offset");
  }

  @Override
  public void offset(TopicPartition partition, long offset) {
    throw unused("offset");
  }

  @Override
  public Set<TopicPartition> assignment() {
    throw unused("assignment");
  }

  @Override
  public void pause(TopicPartition... partitions) {
    throw unused("pause");
  }

  @Override
  public void resume(TopicPartition... partitions) {
    throw unused("resume");
  }

  @Override
  public void requestCommit() {
    throw unused("requestCommit");
  }

  @Override
  public PluginMetrics pluginMetrics() {
    throw unused("pluginMetrics");
  }

  private static UnsupportedOperationException unused(String method) {
    return new UnsupportedOperationException("the sink task is not expected to call " + method + " in these tests");
  }
}
