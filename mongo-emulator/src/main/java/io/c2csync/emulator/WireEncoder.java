package io.c2csync.emulator;

import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes OP_MSG replies, encoding BSON with {@link BsonCodec}; a reply it cannot encode closes the connection. */
final class WireEncoder extends MessageToByteEncoder<MongoMessage> {

    private static final byte SECTION_BODY = 0;

    @Override
    protected void encode(ChannelHandlerContext ctx, MongoMessage message, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        out.writeIntLE(message.getHeader().getRequestID());
        out.writeIntLE(message.getHeader().getResponseTo());
        out.writeIntLE(OpCode.OP_MSG.getId());
        out.writeIntLE(message.getFlags());
        out.writeByte(SECTION_BODY);
        try {
            BsonCodec.encodeDocument(message.getDocument(), out);
        } catch (RuntimeException e) {
            ctx.channel().close();
            throw e;
        }
        out.setIntLE(start, out.writerIndex() - start);
    }
}
