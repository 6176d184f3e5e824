package io.c2csync.controlplane.verify;

import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.c2csync.controlplane.sync.ClusterTime;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Reads one cluster's change stream from a cluster time up to another and notes in a {@link RecheckScope} what the
 * events touched: the key of each document event, the whole namespace (or database) of each DDL event. An event it
 * does not know marks its namespace for the full comparison, so nothing is left out.
 *
 * <p>The stream ends at {@code end} when an event or the stream's high-water mark (the post-batch resume token) is
 * past it, or when the stream stands still at the end of its history (two empty polls at the same resume token): by
 * then every event up to {@code end} that the server can show has been read. A reading may also begin before its end
 * is known ({@link #read}, for a {@link HistoryFollower}): it then notes every event until the end is given.
 */
final class ChangeHistory {

    private static final Set<String> DOCUMENT_EVENTS = Set.of("insert", "update", "replace", "delete");
    /** Server codes of a stream that cannot start at the time asked for: ChangeStreamHistoryLost, ChangeStreamFatalError, CappedPositionLost. */
    private static final Set<Integer> HISTORY_LOST = Set.of(286, 280, 136);
    /** The destination's user needs {@code changeStream} only for a reversible sync. */
    private static final int UNAUTHORIZED = 13;
    /** A one-off reading's: each getMore waits up to 50 ms for events, and the next is sent at once. */
    static final Pace READING = new Pace(Duration.ofMillis(50), Duration.ZERO);
    private static final long GATHER_STEP_MILLIS = 20;
    private static final int BATCH_SIZE = 1_000;
    /** Only what {@link #note} reads: no full documents or update descriptions travel. */
    private static final List<BsonDocument> KEYS_ONLY = List.of(new BsonDocument("$project", new BsonDocument()
            .append("operationType", new BsonInt32(1)).append("ns", new BsonInt32(1)).append("to", new BsonInt32(1))
            .append("documentKey", new BsonInt32(1)).append("clusterTime", new BsonInt32(1))));
    /** The resume token's {@code _data} begins with the KeyString type of a timestamp, then its 8 bytes in hex. */
    private static final String TIMESTAMP_TYPE = "82";

    private final MongoClient client;
    private final String side;
    private final NamespaceFilter filter;

    /** Events read so far, by whichever reading; read by other threads. */
    private final AtomicLong eventsRead = new AtomicLong();
    /** The cluster time up to which the stream has been read; null before its first event or poll. */
    private volatile ClusterTime reached;

    ChangeHistory(MongoClient client, String side, NamespaceFilter filter) {
        this.client = client;
        this.side = side;
        this.filter = filter;
    }

    /** @throws ChangeHistoryUnavailableException when the stream cannot be read from {@code start} or not at all */
    void note(ClusterTime start, ClusterTime end, RecheckScope scope, VerificationProgress progress) {
        read(start, () -> Optional.of(end), READING, scope, progress);
    }

    /**
     * How a reading polls.
     *
     * @param pollWait how long a getMore waits for events when there are none
     * @param gather while the end is unknown, how long events gather on the server before the next getMore: a server
     *     answers a waiting getMore as soon as it has one event, so a stream followed at once costs a round trip (on
     *     both sides) per event; gathered, one per batch
     */
    record Pace(Duration pollWait, Duration gather) {
    }

    /**
     * Reads from {@code start} until the end {@code end} gives, which may be empty at first and given while this
     * reads: until then every event is noted and the stream is polled on at {@code pace}.
     * The stream counts as standing still at the end of its history only after two empty polls begun once the end was
     * known.
     *
     * @throws ChangeHistoryUnavailableException when the stream cannot be read from {@code start} or not at all
     */
    void read(ClusterTime start, Supplier<Optional<ClusterTime>> end, Pace pace, RecheckScope scope,
            VerificationProgress progress) {
        try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor = client.watch(KEYS_ONLY, BsonDocument.class)
                .startAtOperationTime(new BsonTimestamp((int) start.seconds(), start.increment()))
                .showExpandedEvents(true).batchSize(BATCH_SIZE).maxAwaitTime(pace.pollWait().toMillis(), TimeUnit.MILLISECONDS)
                .cursor()) {
            BsonDocument idleAt = null;
            boolean polledEmpty = false;
            while (true) {
                progress.stopIfCancelled();
                if (cursor.available() == 0) {
                    gather(end, pace.gather(), progress);
                }
                Optional<ClusterTime> endWhenPolled = end.get();
                ChangeStreamDocument<BsonDocument> event = cursor.tryNext();
                if (event != null) {
                    ClusterTime at = event.getClusterTime() == null ? null : time(event.getClusterTime());
                    if (at != null && end.get().filter(at::isAfter).isPresent()) {
                        return;
                    }
                    note(event, scope);
                    eventsRead.incrementAndGet();
                    reached = at == null ? reached : at;
                    polledEmpty = false;
                    continue;
                }
                BsonDocument token = cursor.getResumeToken();
                ClusterTime tokenAt = tokenTime(token);
                reached = tokenAt == null ? reached : tokenAt;
                if (tokenAt != null && end.get().filter(known -> tokenAt.compareTo(known) >= 0).isPresent()
                        || endWhenPolled.isPresent() && polledEmpty && Objects.equals(token, idleAt)) {
                    return;
                }
                idleAt = token;
                polledEmpty = endWhenPolled.isPresent();
            }
        } catch (MongoException e) {
            if (HISTORY_LOST.contains(e.getCode())) {
                throw new ChangeHistoryUnavailableException("the " + side + "'s change stream cannot be read from " + start
                        + " (error " + e.getCode() + ": " + e.getMessage() + ")", e);
            }
            if (e.getCode() == UNAUTHORIZED) {
                throw new ChangeHistoryUnavailableException("the sync's user may not read the " + side
                        + "'s change stream (grant it the changeStream action there for an incremental final check; error "
                        + e.getCode() + ": " + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    /** Waits up to {@code gather} before the next getMore, less once the end is known. */
    private static void gather(Supplier<Optional<ClusterTime>> end, Duration gather, VerificationProgress progress) {
        long until = System.nanoTime() + gather.toNanos();
        long left;
        while (end.get().isEmpty() && (left = until - System.nanoTime()) > 0) {
            progress.stopIfCancelled();
            try {
                Thread.sleep(Math.min(GATHER_STEP_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VerificationCancelledException();
            }
        }
    }

    long eventsRead() {
        return eventsRead.get();
    }

    /** The cluster time the stream has been read up to; empty before its first event or poll. */
    Optional<ClusterTime> reached() {
        return Optional.ofNullable(reached);
    }

    private void note(ChangeStreamDocument<BsonDocument> event, RecheckScope scope) {
        String operation = event.getOperationTypeString();
        BsonDocument ns = event.getNamespaceDocument();
        if (ns == null || !ns.containsKey("db")) {
            throw new VerificationException("the " + side + "'s change stream reported a " + operation
                    + " event without a namespace, so what it changed cannot be rechecked");
        }
        String database = ns.getString("db").getValue();
        if (!ns.containsKey("coll")) {
            if (filter.mayInclude(database)) {
                scope.database(database);
            }
            return;
        }
        MongoNamespace namespace = new MongoNamespace(database, ns.getString("coll").getValue());
        if (!filter.includes(database, namespace.getCollectionName())) {
            noteRenameTarget(event, scope);
            return;
        }
        BsonValue id = event.getDocumentKey() == null ? null : event.getDocumentKey().get("_id");
        if (DOCUMENT_EVENTS.contains(operation) && id != null) {
            scope.key(namespace, id);
        } else {
            scope.namespace(namespace);
        }
        noteRenameTarget(event, scope);
    }

    /** A rename brings documents into its target namespace without document events there. */
    private void noteRenameTarget(ChangeStreamDocument<BsonDocument> event, RecheckScope scope) {
        BsonDocument to = event.getDestinationNamespaceDocument();
        if (to != null && filter.includes(to.getString("db").getValue(), to.getString("coll").getValue())) {
            scope.namespace(new MongoNamespace(to.getString("db").getValue(), to.getString("coll").getValue()));
        }
    }

    private static ClusterTime time(BsonTimestamp timestamp) {
        return new ClusterTime(Integer.toUnsignedLong(timestamp.getTime()), timestamp.getInc());
    }

    /** The cluster time a resume token stands at, or null for a token of another format. */
    private static ClusterTime tokenTime(BsonDocument token) {
        if (token == null || !token.isString("_data")) {
            return null;
        }
        String data = token.getString("_data").getValue();
        if (data.length() < TIMESTAMP_TYPE.length() + 16 || !data.startsWith(TIMESTAMP_TYPE)) {
            return null;
        }
        return time(new BsonTimestamp(HexFormat.fromHexDigitsToLong(data, 2, 18)));
    }
}
