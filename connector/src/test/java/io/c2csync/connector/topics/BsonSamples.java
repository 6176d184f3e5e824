package io.c2csync.connector.topics;

import java.util.Arrays;
import java.util.List;

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
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** Test data shared by the connector's tests. */
public final class BsonSamples {

  private BsonSamples() {}

  /** A document holding every BSON type, with edge values (-0.0, NaN, extreme dates and decimals). */
  public static BsonDocument everyBsonType() {
    return new BsonDocument("_id", new BsonObjectId(new ObjectId("64b7f0c2a1b2c3d4e5f60718")))
        .append("double", new BsonDouble(-0.0))
        .append("nan", new BsonDouble(Double.NaN))
        .append("string", new BsonString("é\u0000ok"))
        .append("doc", new BsonDocument("b", new BsonInt32(1)).append("a", new BsonInt32(2)))
        .append("array", new BsonArray(Arrays.asList(new BsonInt32(1), BsonNull.VALUE)))
        .append("binGeneric", new BsonBinary(new byte[] {0, 1, 2}))
        .append("binUuid", new BsonBinary(BsonBinarySubType.UUID_STANDARD, new byte[16]))
        .append("binOldUuid", new BsonBinary(BsonBinarySubType.UUID_LEGACY, new byte[16]))
        .append("binMd5", new BsonBinary(BsonBinarySubType.MD5, new byte[16]))
        .append("binUser", new BsonBinary((byte) 0x80, new byte[] {9}))
        .append("undefined", new BsonUndefined())
        .append("objectId", new BsonObjectId(new ObjectId("000000000000000000000001")))
        .append("bool", BsonBoolean.TRUE)
        .append("date", new BsonDateTime(-62135596800001L))
        .append("null", BsonNull.VALUE)
        .append("regex", new BsonRegularExpression("^a.*", "imx"))
        .append("dbPointer", new BsonDbPointer("db.c", new ObjectId("000000000000000000000002")))
        .append("js", new BsonJavaScript("function(){}"))
        .append("symbol", new BsonSymbol("sym"))
        .append("jsScope", new BsonJavaScriptWithScope("x", new BsonDocument("x", new BsonInt32(1))))
        .append("int32", new BsonInt32(Integer.MIN_VALUE))
        .append("timestamp", new BsonTimestamp(Integer.MAX_VALUE, 7))
        .append("int64", new BsonInt64(Long.MAX_VALUE))
        .append("decimal", new BsonDecimal128(Decimal128.parse("-1.000000000000000000000000000000001E-6143")))
        .append("decimalNegZero", new BsonDecimal128(Decimal128.NEGATIVE_ZERO))
        .append("minKey", new BsonMinKey())
        .append("maxKey", new BsonMaxKey());
  }

  /**
   * {@link #everyBsonType()} without what stock mongo-java-server 1.47.0 cannot store: it drops
   * the connection on binary subtype 5 (MD5), DBPointer, symbol and code-with-scope, stores a
   * user-defined binary subtype as 0 and undefined as null. The emulator must fix these; the
   * end-to-end suite uses {@link #everyBsonType()}.
   */
  public static BsonDocument storableByStockMongoJavaServer() {
    BsonDocument document = everyBsonType();
    List.of("binMd5", "binUser", "undefined", "dbPointer", "symbol", "jsScope").forEach(document::remove);
    return document;
  }
}
