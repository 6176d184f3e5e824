package io.c2csync.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;

class DestinationErrorsTest {

  private static final ServerAddress SERVER = new ServerAddress("dest", 27017);

  @Test
  void writeBlockedDestinationFailsLoudlyWithTheRemedy() {
    MongoBulkWriteException blocked = new MongoBulkWriteException(BulkWriteResult.unacknowledged(),
        List.of(new BulkWriteError(371, "User writes blocked", new BsonDocument(), 0)), null, SERVER, java.util.Set.of());

    RuntimeException e = DestinationErrors.classify(blocked, "3 writes to db.c");

    assertThat(e).isExactlyInstanceOf(ConnectException.class)
        .hasMessageContaining("rejected 3 writes to db.c")
        .hasMessageContaining("371 UserWritesBlocked")
        .hasMessageContaining("bypassWriteBlockingMode");
  }

  @Test
  void unauthorizedFailsLoudlyWithTheReason() {
    MongoCommandException unauthorized = new MongoCommandException(BsonDocument.parse(
        "{ok: 0, code: 13, codeName: 'Unauthorized', errmsg: 'not authorized on db to execute command { create: 1 }'}"), SERVER);

    assertThat(DestinationErrors.classify(unauthorized, "create db.c"))
        .isExactlyInstanceOf(ConnectException.class)
        .hasMessageContaining("13 Unauthorized")
        .hasMessageContaining("not authorized on db to execute command");
  }

  @Test
  void networkTroubleIsRetried() {
    assertThat(DestinationErrors.classify(new MongoSocketReadException("reset", SERVER), "drop db.c"))
        .isInstanceOf(RetriableException.class);
  }
}
