package io.c2csync.emulator;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * Logs a command whose handling held its I/O thread longer than MongoDB's default {@code slowms} (100 ms), as mongod
 * logs a slow operation. Here it also delays every other connection served by the same I/O thread, so it is where a
 * stall of unrelated clients comes from.
 */
final class SlowOperations {

    private static final Logger LOG = LoggerFactory.getLogger(SlowOperations.class);
    private static final long SLOW_MILLIS = 100;

    private SlowOperations() {
    }

    static void note(MongoMessage message, long nanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        if (millis <= SLOW_MILLIS) {
            return;
        }
        String command = message.getDocument().keySet().iterator().next();
        LOG.info("Slow operation: {} {}.{} held I/O thread {} for {} ms", command, message.getDatabaseName(),
            message.getDocument().get(command), Thread.currentThread().getName(), millis);
    }
}
