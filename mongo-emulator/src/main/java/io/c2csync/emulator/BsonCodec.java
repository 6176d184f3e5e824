package io.c2csync.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * BSON for every type and binary subtype MongoDB stores, in place of mongo-java-server's codec (which refuses
 * binary subtypes 1, 2, 5-7 and above 0x80, DBPointer, symbol and code with scope, and turns undefined into null and
 * user-defined binary into subtype 0). A decoded document encodes back to the same bytes. Values the library knows
 * are decoded to the library's classes, so its query engine works on them; the others to {@link ExtraBsonValues}.
 */
final class BsonCodec {

    private static final int MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
    private static final int UUID_LENGTH = 16;
    private static final int OBJECT_ID_LENGTH = 12;

    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte BINARY = 0x05;
    private static final byte UNDEFINED = 0x06;
    private static final byte OBJECT_ID = 0x07;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE_TIME = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte REGEX = 0x0B;
    private static final byte DB_POINTER = 0x0C;
    private static final byte JAVASCRIPT = 0x0D;
    private static final byte SYMBOL = 0x0E;
    private static final byte JAVASCRIPT_WITH_SCOPE = 0x0F;
    private static final byte INT32 = 0x10;
    private static final byte TIMESTAMP = 0x11;
    private static final byte INT64 = 0x12;
    private static final byte DECIMAL128 = 0x13;
    private static final byte MIN_KEY = (byte) 0xFF;
    private static final byte MAX_KEY = 0x7F;

    private static final byte SUBTYPE_GENERIC = 0x00;
    private static final byte SUBTYPE_UUID_LEGACY = 0x03;
    private static final byte SUBTYPE_UUID = 0x04;

    private BsonCodec() {
    }

    static Document decodeDocument(ByteBuf buffer) {
        int start = buffer.readerIndex();
        int totalLength = buffer.readIntLE();
        if (totalLength < 5 || totalLength - 4 > buffer.readableBytes()) {
            throw new IllegalArgumentException("invalid BSON document length " + totalLength + " with " + (buffer.readableBytes() + 4) + " bytes left");
        }
        if (totalLength > MAX_BSON_OBJECT_SIZE + 16 * 1024) {
            throw new IllegalArgumentException("BSON object too large: " + totalLength + " bytes");
        }
        int end = start + totalLength;
        Document document = new Document();
        while (buffer.readerIndex() < end - 1) {
            byte type = buffer.readByte();
            String name = decodeCString(buffer);
            if (document.containsKey(name)) {
                throw new IllegalArgumentException("duplicate field name in BSON document: " + name);
            }
            document.put(name, decodeValue(type, buffer));
        }
        if (buffer.readerIndex() != end - 1 || buffer.readByte() != 0) {
            throw new IllegalArgumentException("invalid BSON document: its length does not match its contents");
        }
        return document;
    }

    static String decodeCString(ByteBuf buffer) {
        int length = buffer.bytesBefore((byte) 0);
        if (length < 0) {
            throw new IllegalArgumentException("unterminated BSON cstring");
        }
        String value = buffer.toString(buffer.readerIndex(), length, StandardCharsets.UTF_8);
        buffer.skipBytes(length + 1);
        return value;
    }

    private static Object decodeValue(byte type, ByteBuf buffer) {
        return switch (type) {
            case DOUBLE -> Double.longBitsToDouble(buffer.readLongLE());
            case STRING -> decodeString(buffer);
            case DOCUMENT -> decodeDocument(buffer);
            case ARRAY -> new ArrayList<>(decodeDocument(buffer).values());
            case BINARY -> decodeBinary(buffer);
            case UNDEFINED -> ExtraBsonValues.Undefined.VALUE;
            case OBJECT_ID -> decodeObjectId(buffer);
            case BOOLEAN -> decodeBoolean(buffer.readByte());
            case DATE_TIME -> Instant.ofEpochMilli(buffer.readLongLE());
            case NULL -> null;
            case REGEX -> new BsonRegularExpression(decodeCString(buffer), decodeCString(buffer));
            case DB_POINTER -> new ExtraBsonValues.DbPointer(decodeString(buffer), decodeObjectId(buffer));
            case JAVASCRIPT -> new BsonJavaScript(decodeString(buffer));
            case SYMBOL -> new ExtraBsonValues.Symbol(decodeString(buffer));
            case JAVASCRIPT_WITH_SCOPE -> decodeJavaScriptWithScope(buffer);
            case INT32 -> buffer.readIntLE();
            case TIMESTAMP -> new BsonTimestamp(buffer.readLongLE());
            case INT64 -> buffer.readLongLE();
            case DECIMAL128 -> new Decimal128(buffer.readLongLE(), buffer.readLongLE());
            case MIN_KEY -> MinKey.getInstance();
            case MAX_KEY -> MaxKey.getInstance();
            default -> throw new IllegalArgumentException("unknown BSON type 0x" + Integer.toHexString(type & 0xff));
        };
    }

    private static Object decodeBinary(ByteBuf buffer) {
        int length = buffer.readIntLE();
        if (length < 0 || length >= buffer.readableBytes()) {
            throw new IllegalArgumentException("invalid BSON binary length " + length);
        }
        byte subtype = buffer.readByte();
        if (subtype == SUBTYPE_UUID && length == UUID_LENGTH) {
            return new UUID(buffer.readLong(), buffer.readLong());
        }
        if (subtype == SUBTYPE_UUID_LEGACY && length == UUID_LENGTH) {
            return new LegacyUUID(buffer.readLongLE(), buffer.readLongLE());
        }
        byte[] data = new byte[length];
        buffer.readBytes(data);
        return subtype == SUBTYPE_GENERIC ? new BinData(data) : new ExtraBsonValues.Binary(subtype, data);
    }

    private static ExtraBsonValues.JavaScriptWithScope decodeJavaScriptWithScope(ByteBuf buffer) {
        int start = buffer.readerIndex();
        int length = buffer.readIntLE();
        ExtraBsonValues.JavaScriptWithScope value = new ExtraBsonValues.JavaScriptWithScope(decodeString(buffer), decodeDocument(buffer));
        if (buffer.readerIndex() - start != length) {
            throw new IllegalArgumentException("invalid BSON code with scope: its length does not match its contents");
        }
        return value;
    }

    private static String decodeString(ByteBuf buffer) {
        int length = buffer.readIntLE();
        if (length < 1 || length > buffer.readableBytes()) {
            throw new IllegalArgumentException("invalid BSON string length " + length);
        }
        String value = buffer.toString(buffer.readerIndex(), length - 1, StandardCharsets.UTF_8);
        buffer.skipBytes(length - 1);
        if (buffer.readByte() != 0) {
            throw new IllegalArgumentException("BSON string not terminated by a zero byte");
        }
        return value;
    }

    private static ObjectId decodeObjectId(ByteBuf buffer) {
        byte[] bytes = new byte[OBJECT_ID_LENGTH];
        buffer.readBytes(bytes);
        return new ObjectId(bytes);
    }

    private static Boolean decodeBoolean(byte value) {
        return switch (value) {
            case 0 -> Boolean.FALSE;
            case 1 -> Boolean.TRUE;
            default -> throw new IllegalArgumentException("invalid BSON boolean " + value);
        };
    }

    static void encodeDocument(Map<String, ?> document, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        for (Map.Entry<String, ?> field : document.entrySet()) {
            encodeField(field.getKey(), field.getValue(), out);
        }
        out.writeByte(0);
        out.setIntLE(start, out.writerIndex() - start);
    }

    /** The encoded size of a document, 0 for null. */
    static int sizeOf(Document document) {
        if (document == null) {
            return 0;
        }
        ByteBuf buffer = Unpooled.buffer();
        try {
            encodeDocument(document, buffer);
            return buffer.writerIndex();
        } finally {
            buffer.release();
        }
    }

    private static void encodeField(String name, Object value, ByteBuf out) {
        int typePosition = out.writerIndex();
        out.writeByte(0);
        encodeCString(name, out);
        out.setByte(typePosition, encodeValue(value, out));
    }

    /** Writes the value and answers its BSON type. */
    @SuppressWarnings("unchecked")
    private static byte encodeValue(Object value, ByteBuf out) {
        if (value == null) {
            return NULL;
        } else if (value instanceof Map<?, ?> document) {
            encodeDocument((Map<String, ?>) document, out);
            return DOCUMENT;
        } else if (value instanceof Collection<?> array) {
            encodeArray(array, out);
            return ARRAY;
        } else if (value instanceof Double number) {
            out.writeLongLE(Double.doubleToRawLongBits(number));
            return DOUBLE;
        } else if (value instanceof String string) {
            encodeString(string, out);
            return STRING;
        } else if (value instanceof Integer number) {
            out.writeIntLE(number);
            return INT32;
        } else if (value instanceof Long number) {
            out.writeLongLE(number);
            return INT64;
        } else if (value instanceof Boolean bool) {
            out.writeByte(bool ? 1 : 0);
            return BOOLEAN;
        } else if (value instanceof Instant instant) {
            out.writeLongLE(instant.toEpochMilli());
            return DATE_TIME;
        } else if (value instanceof ObjectId id) {
            out.writeBytes(id.toByteArray());
            return OBJECT_ID;
        }
        return encodeRareValue(value, out);
    }

    private static byte encodeRareValue(Object value, ByteBuf out) {
        if (value instanceof BinData binary) {
            encodeBinary(SUBTYPE_GENERIC, binary.getData(), out);
        } else if (value instanceof ExtraBsonValues.Binary binary) {
            encodeBinary(binary.subtype(), binary.data(), out);
        } else if (value instanceof UUID uuid) {
            out.writeIntLE(UUID_LENGTH).writeByte(SUBTYPE_UUID);
            out.writeLong(uuid.getMostSignificantBits()).writeLong(uuid.getLeastSignificantBits());
        } else if (value instanceof LegacyUUID legacy) {
            out.writeIntLE(UUID_LENGTH).writeByte(SUBTYPE_UUID_LEGACY);
            out.writeLongLE(legacy.getUuid().getMostSignificantBits()).writeLongLE(legacy.getUuid().getLeastSignificantBits());
        } else {
            return encodeOtherValue(value, out);
        }
        return BINARY;
    }

    private static byte encodeOtherValue(Object value, ByteBuf out) {
        if (value instanceof BsonTimestamp timestamp) {
            out.writeLongLE(timestamp.getValue());
            return TIMESTAMP;
        } else if (value instanceof Decimal128 decimal) {
            out.writeLongLE(decimal.getLow()).writeLongLE(decimal.getHigh());
            return DECIMAL128;
        } else if (value instanceof BsonRegularExpression regex) {
            encodeCString(regex.getPattern(), out);
            encodeCString(regex.getOptions(), out);
            return REGEX;
        } else if (value instanceof BsonJavaScript code) {
            encodeString(code.getCode(), out);
            return JAVASCRIPT;
        } else if (value instanceof MinKey) {
            return MIN_KEY;
        } else if (value instanceof MaxKey) {
            return MAX_KEY;
        } else if (value instanceof ExtraBsonValues.Undefined) {
            return UNDEFINED;
        } else if (value instanceof ExtraBsonValues.Symbol symbol) {
            encodeString(symbol.symbol(), out);
            return SYMBOL;
        } else if (value instanceof ExtraBsonValues.DbPointer pointer) {
            encodeString(pointer.namespace(), out);
            out.writeBytes(pointer.id().toByteArray());
            return DB_POINTER;
        } else if (value instanceof ExtraBsonValues.JavaScriptWithScope code) {
            int start = out.writerIndex();
            out.writeIntLE(0);
            encodeString(code.code(), out);
            encodeDocument(code.scope(), out);
            out.setIntLE(start, out.writerIndex() - start);
            return JAVASCRIPT_WITH_SCOPE;
        }
        throw new IllegalArgumentException("no BSON type for a value of " + value.getClass().getName() + ": " + value);
    }

    private static void encodeArray(Collection<?> array, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        int index = 0;
        for (Object element : array) {
            encodeField(Integer.toString(index++), element, out);
        }
        out.writeByte(0);
        out.setIntLE(start, out.writerIndex() - start);
    }

    private static void encodeBinary(byte subtype, byte[] data, ByteBuf out) {
        out.writeIntLE(data.length).writeByte(subtype).writeBytes(data);
    }

    private static void encodeString(String value, ByteBuf out) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeIntLE(bytes.length + 1).writeBytes(bytes).writeByte(0);
    }

    private static void encodeCString(String value, ByteBuf out) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(bytes).writeByte(0);
    }
}
