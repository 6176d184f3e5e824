package io.c2csync.emulator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;

/**
 * Answers OP_MSG requests (legacy OP_QUERY, used only for the first handshake, stays with the library).
 * Replies may complete asynchronously, and every reply carries {@code operationTime} and {@code $clusterTime}.
 */
final class EmulatorChannelHandler extends MongoDatabaseHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorChannelHandler.class);
    private static final int INTERNAL_ERROR = 1;

    private final EmulatedBackend backend;
    private final AtomicInteger replyIds = new AtomicInteger();

    EmulatorChannelHandler(EmulatedBackend backend, ChannelGroup channels) {
        super(backend, channels);
        this.backend = backend;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClientRequest request) {
        if (!(request instanceof MongoMessage message)) {
            super.channelRead0(ctx, request);
            return;
        }
        long started = System.nanoTime();
        CompletableFuture<Document> handled = backend.handleAsync(message);
        SlowOperations.note(message, System.nanoTime() - started);
        handled.whenComplete((reply, failure) -> {
            Document document = failure == null ? reply : errorReply(message, failure);
            stampClusterTime(document);
            MessageHeader header = new MessageHeader(replyIds.incrementAndGet(), message.getHeader().getRequestID());
            ctx.channel().writeAndFlush(new MongoMessage(ctx.channel(), header, document));
        });
    }

    private void stampClusterTime(Document reply) {
        BsonTimestamp now = backend.clock().current();
        Document signature = new Document("hash", new BinData(new byte[20])).append("keyId", 0L);
        reply.put("$clusterTime", new Document("clusterTime", now).append("signature", signature));
        reply.put("operationTime", now);
    }

    private static Document errorReply(MongoMessage message, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Document reply = new Document("ok", 0.0);
        if (cause instanceof MongoServerError error) {
            reply.put("errmsg", error.getMessageWithoutErrorCode());
            reply.put("code", error.getCode());
            reply.put("codeName", error.getCodeName());
            if (error instanceof DetailedServerError detailed) {
                reply.putAll(detailed.details());
            }
        } else if (cause instanceof MongoServerException exception) {
            reply.put("errmsg", exception.getMessageWithoutErrorCode());
        } else {
            LOG.error("internal error while handling {}", message.getDocument(), cause);
            reply.put("errmsg", "internal error in the c2c-sync MongoDB emulator: " + cause);
            reply.put("code", INTERNAL_ERROR);
            reply.put("codeName", "InternalError");
        }
        return reply;
    }
}
