package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

class ResumeAfterCopyContextTest {

  private final ResumeAfterCopyContext context = new ResumeAfterCopyContext(null, CollectionCopyTest.TOKEN);

  @Test
  void aCopyOffsetReadsAsTheTokenTakenBeforeTheCopy() {
    BsonDocument older = BsonDocument.parse("{_data: '8264000000000000012B'}");
    Map<String, Object> stored = new CopyOffset(older, "db1.a", null, new BsonInt32(7)).toMap();

    assertThat(context.streamOffset(stored)).isEqualTo(Map.of("_id", older.toJson()));
    assertThat(stored).containsEntry("copy", "true");
    assertThat(CopyOffset.from(stored)).contains(new CopyOffset(older, "db1.a", null, new BsonInt32(7)));
  }

  @Test
  void nothingCommittedYetReadsAsTheCopysToken() {
    assertThat(context.streamOffset(null)).isEqualTo(Map.of("_id", CollectionCopyTest.TOKEN.toJson()));
  }

  @Test
  void aStreamOffsetIsLeftAlone() {
    Map<String, Object> stream = Map.of("_id", "{\"_data\": \"8265\"}");
    assertThat(context.streamOffset(stream)).isSameAs(stream);
  }

  @Test
  void aCorruptCopyOffsetFailsWithTheRemedy() {
    assertThatThrownBy(() -> CopyOffset.from(Map.of("c2c.copyNamespace", "db.a", "_id", 5)))
        .hasMessageContaining("reset this connector's offsets");
  }
}
