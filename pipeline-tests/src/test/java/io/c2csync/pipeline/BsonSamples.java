package io.c2csync.pipeline;

import java.util.List;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** Documents holding every BSON type, edge values included; also used as {@code _id} values of several types. */
final class BsonSamples {

    private BsonSamples() {
    }

    /** One field per BSON type (and per binary subtype), with values that a lossy format would change. */
    static BsonDocument everyType() {
        BsonDocument every = commonTypes();
        every.putAll(rareTypes());
        return every;
    }

    /** Binary subtypes other than 0, 3 and 4, and the deprecated types: undefined, DBPointer, symbol, code with scope. */
    static BsonDocument rareTypes() {
        return new BsonDocument()
                .append("binaryFunction", new BsonBinary(BsonBinarySubType.FUNCTION, new byte[] {1}))
                .append("binaryOld", new BsonBinary(BsonBinarySubType.OLD_BINARY, new byte[] {2, 3}))
                .append("binaryMd5", new BsonBinary(BsonBinarySubType.MD5, new byte[16]))
                .append("binaryEncrypted", new BsonBinary(BsonBinarySubType.ENCRYPTED, new byte[] {6}))
                .append("binaryColumn", new BsonBinary(BsonBinarySubType.COLUMN, new byte[] {7}))
                .append("binaryUserDefined", new BsonBinary((byte) 0x80, new byte[] {8, 9}))
                .append("undefined", new BsonUndefined())
                .append("dbPointer", new BsonDbPointer("db.coll", new ObjectId("0123456789abcdef01234568")))
                .append("symbol", new BsonSymbol("aSymbol"))
                .append("javaScriptWithScope", new BsonJavaScriptWithScope("function () { return x; }",
                        new BsonDocument("x", new BsonInt32(42))));
    }

    /** Every other type, edge values included. */
    static BsonDocument commonTypes() {
        return new BsonDocument()
                .append("double", new BsonDouble(1.0))
                .append("doubleNegativeZero", new BsonDouble(-0.0))
                .append("doubleNaN", new BsonDouble(Double.NaN))
                .append("doubleInfinity", new BsonDouble(Double.NEGATIVE_INFINITY))
                .append("doubleTiny", new BsonDouble(Double.MIN_VALUE))
                .append("string", new BsonString("ünïcødé ✓ \u0000 inside"))
                .append("document", new BsonDocument("a", new BsonInt32(1)).append("", new BsonString("empty key")))
                .append("array", new BsonArray(List.of(new BsonInt32(1), new BsonString("two"), new BsonArray(),
                        new BsonDocument())))
                .append("binaryGeneric", new BsonBinary(new byte[] {0, 1, 2, (byte) 255}))
                .append("binaryUuidLegacy", new BsonBinary(BsonBinarySubType.UUID_LEGACY, new byte[16]))
                .append("binaryUuid", new BsonBinary(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"),
                        UuidRepresentation.STANDARD))
                .append("objectId", new BsonObjectId(new ObjectId("0123456789abcdef01234567")))
                .append("booleanTrue", BsonBoolean.TRUE)
                .append("booleanFalse", BsonBoolean.FALSE)
                .append("dateTime", new BsonDateTime(-62135596800000L))
                .append("dateTimeMillis", new BsonDateTime(1_700_000_000_123L))
                .append("null", BsonNull.VALUE)
                .append("regex", new BsonRegularExpression("^a.*b$", "imsx"))
                .append("javaScript", new BsonJavaScript("function () { return 1; }"))
                .append("int32", new BsonInt32(Integer.MIN_VALUE))
                .append("timestamp", new BsonTimestamp(1_700_000_000, 7))
                .append("int64", new BsonInt64(Long.MAX_VALUE))
                .append("int64Small", new BsonInt64(1))
                .append("decimal128", new BsonDecimal128(Decimal128.parse("1234567890.123456789012345678901234")))
                .append("decimal128NegativeZero", new BsonDecimal128(Decimal128.NEGATIVE_ZERO))
                .append("decimal128Precise", new BsonDecimal128(Decimal128.parse("1.000")))
                .append("minKey", new BsonMinKey())
                .append("maxKey", new BsonMaxKey());
    }
}
