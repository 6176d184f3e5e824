package io.c2csync.emulator;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** The encoded BSON size of a document. */
final class BsonSizes {

    private BsonSizes() {
    }

    static int of(Document document) {
        if (document == null) {
            return 0;
        }
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            return buffer.writerIndex();
        } finally {
            buffer.release();
        }
    }
}
