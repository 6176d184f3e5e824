package io.c2csync.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The {@code aggregate} with {@code $changeStream} and the {@code getMore} of change-stream cursors. A getMore
 * with nothing to return parks until an event is appended or {@code maxTimeMS} passes, without holding a thread.
 */
final class ChangeStreams {

    private static final Set<String> PERMITTED_STAGES =
        Set.of("$match", "$project", "$addFields", "$set", "$unset", "$replaceRoot", "$replaceWith", "$redact");
    private static final int DEFAULT_FIRST_BATCH_SIZE = 101;
    private static final long DEFAULT_AWAIT_MILLIS = 1000;

    private final ChangeLog log;
    private final ChangeEventRenderer renderer;
    private final LongSupplier cursorIds;
    private final DatabaseResolver databases;
    private final Map<Long, ChangeStreamCursor> cursors = new ConcurrentHashMap<>();

    ChangeStreams(ChangeLog log, ChangeEventRenderer renderer, LongSupplier cursorIds, DatabaseResolver databases) {
        this.log = log;
        this.renderer = renderer;
        this.cursorIds = cursorIds;
        this.databases = databases;
    }

    static boolean isChangeStream(String command, Document query) {
        return command.equalsIgnoreCase("aggregate") && query.get("pipeline") instanceof List<?> pipeline
            && !pipeline.isEmpty() && pipeline.get(0) instanceof Document first && first.containsKey("$changeStream");
    }

    Document open(String databaseName, Document query) {
        List<?> pipeline = (List<?>) query.get("pipeline");
        ChangeStreamSpec spec = ChangeStreamSpec.parse(((Document) pipeline.get(0)).get("$changeStream"));
        ChangeStreamScope scope = scopeOf(databaseName, query.get("aggregate"), spec);
        EventStages userPipeline = userPipeline(databaseName, pipeline.subList(1, pipeline.size()));
        Start start = startOf(spec, scope);
        ChangeStreamCursor cursor = new ChangeStreamCursor(cursorIds.getAsLong(), scope, spec, userPipeline, log,
            renderer, start);
        ChangeStreamCursor.Batch batch = cursor.next(batchSize(query.get("cursor")));
        if (!batch.exhausted()) {
            cursors.put(cursor.id(), cursor);
        }
        return reply(cursor, "firstBatch", batch);
    }

    boolean owns(Object cursorId) {
        return cursorId instanceof Number id && cursors.containsKey(id.longValue());
    }

    boolean kill(long cursorId) {
        return cursors.remove(cursorId) != null;
    }

    /** Completes, on {@code eventLoop}, with the next batch, waiting up to the getMore's maxTimeMS for one. */
    CompletableFuture<Document> getMore(Document query, EventLoop eventLoop) {
        ChangeStreamCursor cursor = cursors.get(((Number) query.get("getMore")).longValue());
        CompletableFuture<Document> reply = new CompletableFuture<>();
        if (cursor == null) {
            reply.completeExceptionally(MongoErrors.CURSOR_NOT_FOUND.error("cursor id " + query.get("getMore") + " not found"));
            return reply;
        }
        int batchSize = query.get("batchSize") instanceof Number size ? size.intValue() : 0;
        long awaitMillis = query.get("maxTimeMS") instanceof Number max ? max.longValue() : DEFAULT_AWAIT_MILLIS;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(awaitMillis);
        new PendingGetMore(cursor, batchSize, deadline, eventLoop, reply).attempt();
        return reply;
    }

    private ChangeStreamScope scopeOf(String databaseName, Object target, ChangeStreamSpec spec) {
        boolean onCollection = target instanceof String;
        if (spec.allChangesForCluster()) {
            if (!databaseName.equals("admin") || onCollection) {
                throw MongoErrors.INVALID_NAMESPACE.error(
                    "A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with no collection name");
            }
            return ChangeStreamScope.cluster();
        }
        if (new Namespace(databaseName, null).isInternalDatabase()) {
            throw MongoErrors.INVALID_NAMESPACE.error("$changeStream may not be opened on the internal " + databaseName + " database");
        }
        if (onCollection) {
            String collection = (String) target;
            if (collection.startsWith("system.")) {
                throw MongoErrors.INVALID_NAMESPACE.error("$changeStream may not be opened on the internal " + databaseName + "." + collection + " collection");
            }
            ViewCatalog views = ((EmulatedDatabase) databases.resolve(databaseName)).views();
            if (views.isView(collection)) {
                throw views.notACollection(collection);
            }
            return new ChangeStreamScope(databaseName, collection);
        }
        if (!(target instanceof Number number) || number.intValue() != 1) {
            throw MongoErrors.FAILED_TO_PARSE.error("aggregate must name a collection or be 1, got " + target);
        }
        return new ChangeStreamScope(databaseName, null);
    }

    private EventStages userPipeline(String databaseName, List<?> stages) {
        if (stages.isEmpty()) {
            return null;
        }
        for (Object stage : stages) {
            String name = stage instanceof Document document && document.size() == 1 ? document.keySet().iterator().next() : null;
            if (!PERMITTED_STAGES.contains(name)) {
                throw MongoErrors.STAGE_NOT_PERMITTED_IN_CHANGE_STREAM.error(name + " is not permitted in a $changeStream pipeline");
            }
        }
        MongoDatabase database = databases.resolve(databaseName);
        List<Document> rewritten = PipelineStages.withAliasesRewritten(stages);
        return EventStages.of(rewritten, Aggregation.fromPipeline(rewritten, databases, database, null, NoopOplog.get()));
    }

    private Start startOf(ChangeStreamSpec spec, ChangeStreamScope scope) {
        Document token = spec.resumeAfter() != null ? spec.resumeAfter() : spec.startAfter();
        if (token != null) {
            ResumeToken resumeToken = ResumeToken.parse(token);
            long position = log.positionAfter(resumeToken.clusterTime());
            return switch (resumeToken.kind()) {
                case HIGH_WATER_MARK -> new Start(position, resumeToken, null);
                case INVALIDATE -> {
                    if (spec.resumeAfter() != null) {
                        throw MongoErrors.INVALID_RESUME_TOKEN.error("Attempting to resume a change stream using"
                            + " 'resumeAfter' is not allowed from an invalidate notification; use 'startAfter'");
                    }
                    yield new Start(position, resumeToken, null);
                }
                case EVENT -> new Start(position, resumeToken, log.eventAt(resumeToken.clusterTime())
                    .filter(event -> scope.invalidatedBy(event.change())).orElse(null));
            };
        }
        if (spec.startAtOperationTime() != null) {
            BsonTimestamp justBefore = new BsonTimestamp(spec.startAtOperationTime().getValue() - 1);
            return new Start(log.positionAfter(justBefore), ResumeToken.highWaterMark(justBefore), null);
        }
        ChangeLog.Slice now = log.read(log.endPosition(), 0);
        return new Start(log.positionAfter(now.latestTime()), ResumeToken.highWaterMark(now.latestTime()), null);
    }

    private static int batchSize(Object cursorOptions) {
        if (cursorOptions instanceof Document options && options.get("batchSize") instanceof Number size) {
            return size.intValue();
        }
        return DEFAULT_FIRST_BATCH_SIZE;
    }

    private static Document reply(ChangeStreamCursor cursor, String batchField, ChangeStreamCursor.Batch batch) {
        Document cursorDocument = new Document(batchField, batch.events());
        cursorDocument.put("postBatchResumeToken", batch.postBatchResumeToken());
        cursorDocument.put("id", batch.exhausted() ? 0L : cursor.id());
        cursorDocument.put("ns", cursor.namespace());
        return new Document("cursor", cursorDocument).append("ok", 1.0);
    }

    /**
     * Where a new stream starts.
     *
     * @param invalidatedBy when resuming from the event that invalidated this stream: that event
     */
    record Start(long position, ResumeToken token, ChangeEvent invalidatedBy) {
    }

    /** A getMore waiting for events: retried on each append until it has events or its deadline passes. */
    private final class PendingGetMore {
        private final ChangeStreamCursor cursor;
        private final int batchSize;
        private final long deadline;
        private final EventLoop eventLoop;
        private final CompletableFuture<Document> reply;

        PendingGetMore(ChangeStreamCursor cursor, int batchSize, long deadline, EventLoop eventLoop,
                       CompletableFuture<Document> reply) {
            this.cursor = cursor;
            this.batchSize = batchSize;
            this.deadline = deadline;
            this.eventLoop = eventLoop;
            this.reply = reply;
        }

        void attempt() {
            try {
                if (!cursors.containsKey(cursor.id())) {
                    throw MongoErrors.CURSOR_NOT_FOUND.error("cursor id " + cursor.id() + " was killed");
                }
                ChangeStreamCursor.Batch batch = cursor.next(batchSize);
                long remaining = deadline - System.nanoTime();
                if (!batch.events().isEmpty() || remaining <= 0 || batch.exhausted()) {
                    if (batch.exhausted()) {
                        cursors.remove(cursor.id());
                    }
                    reply.complete(ChangeStreams.reply(cursor, "nextBatch", batch));
                } else {
                    parkUntilAppendOr(remaining);
                }
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
            }
        }

        private void parkUntilAppendOr(long remainingNanos) {
            AtomicBoolean fired = new AtomicBoolean();
            ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
            Runnable wake = new Runnable() {
                @Override
                public void run() {
                    if (fired.compareAndSet(false, true)) {
                        log.cancelWake(this);
                        if (timer[0] != null) {
                            timer[0].cancel(false);
                        }
                        eventLoop.execute(PendingGetMore.this::attempt);
                    }
                }
            };
            if (!log.wakeOnAppendAfter(cursor.position(), wake)) {
                eventLoop.execute(this::attempt);
                return;
            }
            timer[0] = eventLoop.schedule(wake, remainingNanos, TimeUnit.NANOSECONDS);
        }
    }
}
