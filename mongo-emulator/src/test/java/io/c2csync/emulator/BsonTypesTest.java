package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
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
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.FullDocument;

/** Every BSON type and binary subtype is stored, returned and reported in change events byte for byte. */
class BsonTypesTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @Test
    void everyTypeIsReturnedByteForByteAndCountedAtItsBsonSize() {
        MongoCollection<RawBsonDocument> collection = collection("stored");
        RawBsonDocument sent = raw(everyType(1));
        collection.insertOne(sent);

        assertThat(bytes(collection.find().first())).isEqualTo(bytes(sent));
        Document stats = CLUSTERS.client().getDatabase("bsonTypes").runCommand(new Document("collStats", "stored"));
        assertThat(stats.get("size", Number.class).intValue()).isEqualTo(bytes(sent).length);
    }

    @Test
    void queriesMatchTheTypesTheLibraryHasNoClassFor() {
        MongoCollection<RawBsonDocument> collection = collection("queried");
        collection.insertOne(raw(everyType(1)));
        collection.insertOne(raw(new BsonDocument("_id", new BsonInt32(2))));

        for (String field : List.of("binaryFunction", "binaryOld", "binaryMd5", "binaryEncrypted", "binaryColumn",
            "binaryUserDefined", "binaryUserDefinedHigh", "dbPointer", "symbol", "javaScriptWithScope")) {
            BsonValue value = everyType(1).get(field);
            assertThat(collection.find(Filters.eq(field, value)).into(new java.util.ArrayList<>()))
                .as(field).hasSize(1);
        }
        assertThat(collection.find(Filters.eq("binaryMd5", new BsonBinary(BsonBinarySubType.MD5, new byte[15]))).first()).isNull();
    }

    @Test
    void changeEventsCarryEveryTypeByteForByte() {
        MongoCollection<RawBsonDocument> collection = collection("streamed");
        try (ChangeStreamProbe stream = ChangeStreamProbe.openRaw(collection.watch().fullDocument(FullDocument.UPDATE_LOOKUP))) {
            RawBsonDocument inserted = raw(everyType(1));
            collection.insertOne(inserted);
            assertThat(bytes(stream.nextRaw().getDocument("fullDocument"))).isEqualTo(bytes(inserted));

            BsonDocument changed = new BsonDocument("symbol", new BsonSymbol("another"))
                .append("null", new BsonUndefined())
                .append("added", new BsonBinary((byte) 0x85, new byte[] {1, 2, 3}));
            collection.updateOne(Filters.eq("_id", 1), new BsonDocument("$set", changed));
            RawBsonDocument update = stream.nextRaw();
            assertThat(update.getDocument("updateDescription").getDocument("updatedFields")).isEqualTo(changed);
            BsonDocument afterUpdate = everyType(1);
            afterUpdate.putAll(changed);
            assertThat(bytes(update.getDocument("fullDocument"))).isEqualTo(bytes(afterUpdate));

            RawBsonDocument replacement = raw(everyType(1));
            RawBsonDocument before = collection.findOneAndReplace(Filters.eq("_id", 1), replacement,
                new FindOneAndReplaceOptions().returnDocument(ReturnDocument.BEFORE));
            assertThat(bytes(before)).isEqualTo(bytes(afterUpdate));
            assertThat(bytes(stream.nextRaw().getDocument("fullDocument"))).isEqualTo(bytes(replacement));

            collection.deleteOne(Filters.eq("_id", 1));
            assertThat(stream.nextRaw().getDocument("documentKey")).isEqualTo(new BsonDocument("_id", new BsonInt32(1)));
        }
    }

    @Test
    void exoticValuesWorkAsIds() {
        MongoCollection<RawBsonDocument> collection = collection("ids");
        BsonDocument byMd5 = new BsonDocument("_id", new BsonBinary(BsonBinarySubType.MD5, new byte[16])).append("n", new BsonInt32(1));
        BsonDocument bySymbol = new BsonDocument("_id", new BsonSymbol("s")).append("n", new BsonInt32(2));
        collection.insertOne(raw(byMd5));
        collection.insertOne(raw(bySymbol));
        collection.updateOne(Filters.eq("_id", new BsonSymbol("s")), Updates.inc("n", 1));

        assertThat(collection.find(Filters.eq("_id", byMd5.get("_id"))).first()).isEqualTo(byMd5);
        assertThat(collection.find(Filters.eq("_id", new BsonSymbol("s"))).first().getInt32("n").getValue()).isEqualTo(3);
    }

    private static MongoCollection<RawBsonDocument> collection(String name) {
        return CLUSTERS.client().getDatabase("bsonTypes").getCollection(name, RawBsonDocument.class);
    }

    /** One field per BSON type and binary subtype, with values that a lossy codec would change. */
    private static BsonDocument everyType(int id) {
        return new BsonDocument("_id", new BsonInt32(id))
            .append("double", new BsonDouble(1.5))
            .append("doubleNegativeZero", new BsonDouble(-0.0))
            .append("doubleNaN", new BsonDouble(Double.NaN))
            .append("string", new BsonString("ünïcødé ✓"))
            .append("document", new BsonDocument("a", new BsonInt32(1)).append("", new BsonString("empty key")))
            .append("array", new BsonArray(List.of(new BsonInt32(1), new BsonString("two"), new BsonArray(), new BsonDocument())))
            .append("binaryGeneric", new BsonBinary(new byte[] {0, 1, 2, (byte) 255}))
            .append("binaryFunction", new BsonBinary(BsonBinarySubType.FUNCTION, new byte[] {1}))
            .append("binaryOld", new BsonBinary(BsonBinarySubType.OLD_BINARY, new byte[] {2, 3}))
            .append("binaryUuidLegacy", new BsonBinary(BsonBinarySubType.UUID_LEGACY, new byte[16]))
            .append("binaryUuid", new BsonBinary(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"), UuidRepresentation.STANDARD))
            .append("binaryMd5", new BsonBinary(BsonBinarySubType.MD5, new byte[16]))
            .append("binaryEncrypted", new BsonBinary(BsonBinarySubType.ENCRYPTED, new byte[] {6}))
            .append("binaryColumn", new BsonBinary(BsonBinarySubType.COLUMN, new byte[] {7}))
            .append("binaryUserDefined", new BsonBinary((byte) 0x80, new byte[] {8, 9}))
            .append("binaryUserDefinedHigh", new BsonBinary((byte) 0xff, new byte[] {10}))
            .append("undefined", new BsonUndefined())
            .append("objectId", new BsonObjectId(new ObjectId("0123456789abcdef01234567")))
            .append("booleanTrue", BsonBoolean.TRUE)
            .append("dateTime", new BsonDateTime(-62135596800000L))
            .append("null", BsonNull.VALUE)
            .append("regex", new BsonRegularExpression("^a.*b$", "imsx"))
            .append("dbPointer", new BsonDbPointer("db.coll", new ObjectId("0123456789abcdef01234568")))
            .append("javaScript", new BsonJavaScript("function () { return 1; }"))
            .append("symbol", new BsonSymbol("aSymbol"))
            .append("javaScriptWithScope", new BsonJavaScriptWithScope("function () { return x; }", new BsonDocument("x", new BsonInt32(42))))
            .append("int32", new BsonInt32(Integer.MIN_VALUE))
            .append("timestamp", new BsonTimestamp(1_700_000_000, 7))
            .append("int64", new BsonInt64(Long.MAX_VALUE))
            .append("decimal128", new BsonDecimal128(Decimal128.parse("1234567890.123456789012345678901234")))
            .append("decimal128NegativeZero", new BsonDecimal128(Decimal128.NEGATIVE_ZERO))
            .append("minKey", new BsonMinKey())
            .append("maxKey", new BsonMaxKey());
    }

    private static RawBsonDocument raw(BsonDocument document) {
        return new RawBsonDocument(document, new BsonDocumentCodec());
    }

    private static byte[] bytes(BsonDocument document) {
        ByteBuffer buffer = (document instanceof RawBsonDocument raw ? raw : raw(document)).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
