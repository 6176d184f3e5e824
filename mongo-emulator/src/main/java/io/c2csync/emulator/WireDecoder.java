package io.c2csync.emulator;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Reads OP_MSG (and the legacy OP_QUERY of the first handshake) into the library's request classes, decoding
 * BSON with {@link BsonCodec} so that every BSON type arrives as sent.
 */
final class WireDecoder extends LengthFieldBasedFrameDecoder {

    private static final int MAX_MESSAGE_SIZE = 48_000_000;
    private static final int HEADER_LENGTH = 16;
    private static final int CHECKSUM_PRESENT = 1;
    private static final int CHECKSUM_LENGTH = 4;
    private static final byte SECTION_BODY = 0;
    private static final byte SECTION_DOCUMENT_SEQUENCE = 1;

    WireDecoder() {
        super(ByteOrder.LITTLE_ENDIAN, MAX_MESSAGE_SIZE, 0, 4, -4, 0, true);
    }

    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            int totalLength = frame.readIntLE();
            MessageHeader header = new MessageHeader(totalLength, frame.readIntLE(), frame.readIntLE());
            int opCode = frame.readIntLE();
            ClientRequest request;
            if (opCode == OpCode.OP_MSG.getId()) {
                request = message(ctx, header, frame);
            } else if (opCode == OpCode.OP_QUERY.getId()) {
                request = query(ctx, header, frame);
            } else {
                throw new IOException("opCode " + opCode + " not supported by the c2c-sync MongoDB emulator");
            }
            if (frame.isReadable()) {
                throw new IOException("message of " + totalLength + " bytes has " + frame.readableBytes() + " bytes after its contents");
            }
            return request;
        } finally {
            frame.release();
        }
    }

    private static MongoMessage message(ChannelHandlerContext ctx, MessageHeader header, ByteBuf frame) throws IOException {
        int flags = frame.readIntLE();
        if ((flags & ~CHECKSUM_PRESENT) != 0) {
            throw new IOException("OP_MSG flags " + flags + " not supported by the c2c-sync MongoDB emulator");
        }
        int end = header.getTotalLength() - ((flags & CHECKSUM_PRESENT) != 0 ? CHECKSUM_LENGTH : 0);
        Document body = null;
        Document sequences = new Document();
        while (frame.readerIndex() < end) {
            byte kind = frame.readByte();
            if (kind == SECTION_BODY && body == null) {
                body = BsonCodec.decodeDocument(frame);
            } else if (kind == SECTION_DOCUMENT_SEQUENCE) {
                readSequence(frame, sequences);
            } else {
                throw new IOException("unexpected OP_MSG section kind " + kind);
            }
        }
        if ((flags & CHECKSUM_PRESENT) != 0) {
            frame.skipBytes(CHECKSUM_LENGTH);
        }
        if (body == null) {
            throw new IOException("OP_MSG without a body section");
        }
        for (String identifier : sequences.keySet()) {
            if (body.containsKey(identifier)) {
                throw new IOException("OP_MSG field " + identifier + " both in the body and in a document sequence");
            }
            body.put(identifier, sequences.get(identifier));
        }
        return new MongoMessage(ctx.channel(), header, body);
    }

    private static void readSequence(ByteBuf frame, Document sequences) throws IOException {
        int start = frame.readerIndex();
        int size = frame.readIntLE();
        String identifier = BsonCodec.decodeCString(frame);
        List<Document> documents = new ArrayList<>();
        while (frame.readerIndex() - start < size) {
            documents.add(BsonCodec.decodeDocument(frame));
        }
        if (sequences.put(identifier, documents) != null) {
            throw new IOException("OP_MSG with two document sequences named " + identifier);
        }
    }

    private static MongoQuery query(ChannelHandlerContext ctx, MessageHeader header, ByteBuf frame) {
        frame.readIntLE(); // flags: the handshake's secondaryOk/noCursorTimeout change nothing here
        String collection = BsonCodec.decodeCString(frame);
        int skip = frame.readIntLE();
        int limit = frame.readIntLE();
        Document query = BsonCodec.decodeDocument(frame);
        Document fields = frame.isReadable() ? BsonCodec.decodeDocument(frame) : null;
        return new MongoQuery(ctx.channel(), header, collection, skip, limit, query, fields);
    }
}
