package io.c2csync.emulator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The {@code failCommand} fail point of {@code configureFailPoint}: makes chosen commands fail with an error code,
 * close the connection, or wait first, a number of times or until switched off.
 */
final class FailPoints {

    /** Codes for which a real server labels a failed retryable write {@code RetryableWriteError}. */
    private static final Set<Integer> RETRYABLE_WRITE_CODES = Set.of(6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436);
    /** Codes for which a real server labels a failed change-stream command {@code ResumableChangeStreamError}. */
    private static final Set<Integer> RESUMABLE_CHANGE_STREAM_CODES = Set.of(6, 7, 43, 63, 89, 91, 133, 150, 189, 234, 262,
        9001, 10107, 11600, 11602, 13388, 13435, 13436);

    /**
     * What the fail point does to one command.
     *
     * @param errorReply        the reply instead of running the command, or null to run it
     * @param writeConcernError added to the reply of the command once it ran, or null
     */
    record Action(boolean closeConnection, long blockMillis, Document errorReply, Document writeConcernError) {
    }

    private Document data;
    private long remaining;
    private long skip;
    private long entered;

    synchronized Document configure(String database, Document command) {
        if (!database.equals("admin")) {
            throw MongoErrors.UNAUTHORIZED.error("configureFailPoint may only be run against the admin database.");
        }
        if (!"failCommand".equals(command.get("configureFailPoint"))) {
            throw MongoErrors.BAD_VALUE.error("No fail point named " + command.get("configureFailPoint")
                + ": the c2c-sync MongoDB emulator implements only failCommand");
        }
        Object mode = command.get("mode");
        long previouslyEntered = entered;
        if ("off".equals(mode)) {
            data = null;
        } else {
            if (!(command.get("data") instanceof Document given) || !(given.get("failCommands") instanceof List)) {
                throw MongoErrors.BAD_VALUE.error("failCommand needs data.failCommands, a list of command names");
            }
            data = given.cloneDeeply();
            remaining = Long.MAX_VALUE;
            skip = 0;
            if (mode instanceof Document counted && counted.get("times") instanceof Number times) {
                remaining = times.longValue();
            } else if (mode instanceof Document counted && counted.get("skip") instanceof Number skipped) {
                skip = skipped.longValue();
            } else if (!"alwaysOn".equals(mode)) {
                throw MongoErrors.BAD_VALUE.error("mode must be 'alwaysOn', 'off', {times: n} or {skip: n}, got " + mode);
            }
            entered = 0;
        }
        return new Document("count", previouslyEntered).append("ok", 1.0);
    }

    /**
     * The action for {@code command}, if the fail point is on, the command is one it fails and the client's
     * application name is the one it names (if it names one).
     */
    synchronized Optional<Action> onCommand(String command, Document query, String applicationName) {
        if (data == null || command.equals("configureFailPoint") || !((List<?>) data.get("failCommands")).contains(command)
            || (data.get("appName") != null && !data.get("appName").equals(applicationName))) {
            return Optional.empty();
        }
        if (skip > 0) {
            skip--;
            return Optional.empty();
        }
        if (remaining <= 0) {
            data = null;
            return Optional.empty();
        }
        remaining--;
        entered++;
        Document point = data;
        if (remaining == 0) {
            data = null;
        }
        long blockMillis = Boolean.TRUE.equals(point.get("blockConnection")) && point.get("blockTimeMS") instanceof Number millis
            ? millis.longValue() : 0;
        return Optional.of(new Action(Boolean.TRUE.equals(point.get("closeConnection")), blockMillis,
            errorReply(point, command, query), writeConcernError(point, query)));
    }

    private static Document writeConcernError(Document point, Document query) {
        if (!(point.get("writeConcernError") instanceof Document given)) {
            return null;
        }
        Document error = given.cloneDeeply();
        if (query.containsKey("txnNumber") && error.get("code") instanceof Number code && RETRYABLE_WRITE_CODES.contains(code.intValue())) {
            error.putIfAbsent("errorLabels", List.of("RetryableWriteError"));
        }
        return error;
    }

    private static Document errorReply(Document point, String command, Document query) {
        if (!(point.get("errorCode") instanceof Number code)) {
            return null;
        }
        Document reply = new Document("ok", 0.0).append("errmsg", "Failing command via 'failCommand' failpoint")
            .append("code", code.intValue()).append("codeName", "FailPoint" + code.intValue());
        if (point.get("errorLabels") instanceof List<?> labels) {
            reply.put("errorLabels", labels);
        } else if (query.containsKey("txnNumber") && RETRYABLE_WRITE_CODES.contains(code.intValue())) {
            reply.put("errorLabels", List.of("RetryableWriteError"));
        } else if ((command.equals("getMore") || ChangeStreams.isChangeStream(command, query))
            && RESUMABLE_CHANGE_STREAM_CODES.contains(code.intValue())) {
            reply.put("errorLabels", List.of("ResumableChangeStreamError"));
        }
        return reply;
    }
}
