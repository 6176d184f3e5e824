package io.c2csync.connector.source;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.bson.BsonDocument;

/**
 * The context handed to mongo-kafka's streaming task after our copy: where the stored offset is
 * still a {@link CopyOffset} (or none was committed yet), it reads as the resume token taken
 * before the copy, so the change stream starts there — no gap between copy and stream.
 */
final class ResumeAfterCopyContext implements SourceTaskContext {

  private final SourceTaskContext context;
  private final BsonDocument resumeToken;

  ResumeAfterCopyContext(SourceTaskContext context, BsonDocument resumeToken) {
    this.context = context;
    this.resumeToken = resumeToken;
  }

  @Override
  public Map<String, String> configs() {
    return context.configs();
  }

  @Override
  public PluginMetrics pluginMetrics() {
    return context.pluginMetrics();
  }

  @Override
  public OffsetStorageReader offsetStorageReader() {
    OffsetStorageReader stored = context.offsetStorageReader();
    return new OffsetStorageReader() {
      @Override
      public <T> Map<String, Object> offset(Map<String, T> partition) {
        return streamOffset(stored.offset(partition));
      }

      @Override
      public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> offsets = new HashMap<>();
        stored.offsets(partitions).forEach((partition, offset) -> offsets.put(partition, streamOffset(offset)));
        return offsets;
      }
    };
  }

  Map<String, Object> streamOffset(Map<String, Object> stored) {
    if (stored == null) {
      return new CopyOffset(resumeToken, "", null, null).asStreamOffset();
    }
    return CopyOffset.from(stored).map(CopyOffset::asStreamOffset).orElse(stored);
  }
}
