package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import de.bwaldvogel.mongo.bson.Document;

/** An open change stream: its scope, its options, the user's pipeline and its position in the change log. */
final class ChangeStreamCursor {

    /** Keeps a batch under MongoDB's 16 MiB reply limit, leaving room for the reply envelope. */
    static final long MAX_BATCH_BYTES = 16L * 1024 * 1024 - 64 * 1024;
    private static final int SCAN_CHUNK = 1024;
    private static final long EVENT_OVERHEAD_BYTES = 256;

    private final long id;
    private final ChangeStreamScope scope;
    private final ChangeStreamSpec spec;
    private final EventStages userPipeline;
    private final ChangeLog log;
    private final ChangeEventRenderer renderer;
    private long position;
    private ResumeToken postBatchResumeToken;
    /** The event that invalidated this stream; its invalidate event is still to be sent. */
    private ChangeEvent invalidatedBy;

    ChangeStreamCursor(long id, ChangeStreamScope scope, ChangeStreamSpec spec, EventStages userPipeline,
                       ChangeLog log, ChangeEventRenderer renderer, ChangeStreams.Start start) {
        this.id = id;
        this.scope = scope;
        this.spec = spec;
        this.userPipeline = userPipeline;
        this.log = log;
        this.renderer = renderer;
        this.position = start.position();
        this.postBatchResumeToken = start.token();
        this.invalidatedBy = start.invalidatedBy();
    }

    long id() {
        return id;
    }

    String namespace() {
        return scope.cursorNamespace();
    }

    synchronized long position() {
        return position;
    }

    /** The events after this cursor's position, at most {@code maxEvents} (0: as many as fit in a reply). */
    synchronized Batch next(int maxEvents) {
        int limit = maxEvents > 0 ? maxEvents : Integer.MAX_VALUE;
        List<Document> batch = new ArrayList<>();
        long batchBytes = 0;
        while (invalidatedBy == null && batch.size() < limit && batchBytes < MAX_BATCH_BYTES) {
            ChangeLog.Slice slice = log.read(position, SCAN_CHUNK);
            for (ChangeEvent event : slice.events()) {
                if (invalidatedBy != null || batch.size() >= limit || batchBytes >= MAX_BATCH_BYTES) {
                    return finish(batch);
                }
                position = event.sequence() + 1;
                if (!visible(event)) {
                    continue;
                }
                Document output = applyUserPipeline(event.resumeToken(), renderer.render(event, spec));
                postBatchResumeToken = event.resumeToken();
                if (output != null) {
                    batch.add(output);
                    batchBytes += event.sizeBytes() + EVENT_OVERHEAD_BYTES;
                }
                if (scope.invalidatedBy(event.change())) {
                    invalidatedBy = event;
                }
            }
            if (slice.reachedEnd()) {
                if (!slice.latestTime().equals(postBatchResumeToken.clusterTime())) {
                    postBatchResumeToken = ResumeToken.highWaterMark(slice.latestTime());
                }
                break;
            }
        }
        return finish(batch);
    }

    private Batch finish(List<Document> batch) {
        if (invalidatedBy != null) {
            ResumeToken token = ResumeToken.invalidation(invalidatedBy.clusterTime());
            Document invalidate = applyUserPipeline(token, renderer.invalidate(invalidatedBy));
            if (invalidate != null) {
                batch.add(invalidate);
            }
            postBatchResumeToken = token;
        }
        return new Batch(batch, postBatchResumeToken.toDocument(), invalidatedBy != null);
    }

    private boolean visible(ChangeEvent event) {
        ChangeDraft change = event.change();
        return scope.includes(change.namespace()) && (scope.collection() == null || !change.operationType().isViewDefinition())
            && (spec.showExpandedEvents() || !change.operationType().expandedOnly());
    }

    private Document applyUserPipeline(ResumeToken token, Document rendered) {
        if (userPipeline == null) {
            return rendered;
        }
        Document output = userPipeline.apply(rendered);
        if (output == null) {
            return null;
        }
        if (!Objects.equals(output.get("_id"), token.toDocument())) {
            throw MongoErrors.CHANGE_STREAM_FATAL_ERROR.error("Encountered an event whose _id field, which contains the"
                + " resume token, was modified by the pipeline. Modifying the _id field of an event makes it impossible"
                + " to resume the stream from that point. Only transformations that retain the unmodified _id field are"
                + " allowed.");
        }
        return output;
    }

    /** One batch of events, the token to resume after it, and whether the stream ended with it. */
    record Batch(List<Document> events, Document postBatchResumeToken, boolean exhausted) {
    }
}
