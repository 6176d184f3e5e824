package io.c2csync.connector.sink;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;

/**
 * The one place that decides what a destination error means: transient ones are retried by
 * Connect (the same records come again; every write is idempotent), everything else stops the
 * task with the reason and, where there is one, the remedy.
 */
final class DestinationErrors {

  static final int UNAUTHORIZED = 13;
  static final int USER_WRITES_BLOCKED = 371;

  private DestinationErrors() {}

  static RuntimeException classify(MongoException e, String what) {
    if (e instanceof MongoSocketException || e instanceof MongoTimeoutException
        || e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException) {
      return new RetriableException("destination unavailable during " + what + ": " + e.getMessage(), e);
    }
    if (e instanceof MongoSecurityException) {
      return new ConnectException("cannot authenticate to the destination during " + what
          + ": check the sink's credentials in its connection string (" + e.getMessage() + ")", e);
    }
    int code = serverCode(e);
    if (code == USER_WRITES_BLOCKED) {
      return new ConnectException("the destination rejected " + what + ": user writes are blocked (371 UserWritesBlocked). "
          + "The sink's user must hold the bypassWriteBlockingMode privilege. Server said: " + e.getMessage(), e);
    }
    if (code == UNAUTHORIZED) {
      return new ConnectException("the destination rejected " + what + ": not authorized (13 Unauthorized). The sink's user "
          + "needs readWrite and DDL (dbAdmin) privileges on every synced database and on __c2c_sync, plus "
          + "bypassWriteBlockingMode. Server said: " + e.getMessage(), e);
    }
    return new ConnectException(what + " failed on the destination (code " + code + "): " + e.getMessage(), e);
  }

  private static int serverCode(MongoException e) {
    if (e instanceof MongoBulkWriteException bulk) {
      if (!bulk.getWriteErrors().isEmpty()) {
        return bulk.getWriteErrors().get(0).getCode();
      }
      return bulk.getWriteConcernError() == null ? e.getCode() : bulk.getWriteConcernError().getCode();
    }
    if (e instanceof MongoWriteException write) {
      return write.getError().getCode();
    }
    if (e instanceof MongoWriteConcernException concern) {
      return concern.getWriteConcernError().getCode();
    }
    if (e instanceof MongoCommandException command) {
      return command.getErrorCode();
    }
    return e.getCode();
  }
}
