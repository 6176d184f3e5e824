package io.c2csync.connector.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;

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
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.mongodb.kafka.connect.source.MongoSourceConfig;
import com.mongodb.kafka.connect.source.producer.SchemaAndValueProducers;

class ChangeEventFormatTest {

  @Test
  void everyBsonTypeSurvivesMongoKafkasBsonOutputByteForByte() {
    BsonDocument event = new BsonDocument("_id", new BsonDocument("_data", new BsonString("8264")))
        .append("operationType", new BsonString("insert"))
        .append("fullDocument", BsonSamples.everyBsonType());
    MongoSourceConfig config = new MongoSourceConfig(Map.of(
        "connection.uri", "mongodb://localhost:27017",
        "output.format.value", ChangeEventFormat.MONGO_KAFKA_OUTPUT_FORMAT));

    byte[] produced = (byte[]) SchemaAndValueProducers.createValueSchemaAndValueProvider(config).get(event).value();

    assertThat(produced).isEqualTo(ChangeEventFormat.encode(event));
    BsonDocument decoded = ChangeEventFormat.decode(produced);
    assertThat(decoded).isEqualTo(event);
    assertThat(ChangeEventFormat.encode(decoded.getDocument("fullDocument")))
        .isEqualTo(ChangeEventFormat.encode(BsonSamples.everyBsonType()));
    assertThat(decoded.getDocument("fullDocument").keySet()).containsExactlyElementsOf(BsonSamples.everyBsonType().keySet());
  }

  @Test
  void malformedValuesFailWithTheReason() {
    byte[] valid = ChangeEventFormat.encode(BsonSamples.everyBsonType());
    assertThatThrownBy(() -> ChangeEventFormat.decode(Arrays.copyOf(valid, valid.length - 3)))
        .isInstanceOf(MalformedChangeEventException.class)
        .hasMessageContaining("declares");
    byte[] corrupt = valid.clone();
    corrupt[4] = 0x7f; // an unknown BSON type byte
    assertThatThrownBy(() -> ChangeEventFormat.decode(corrupt))
        .isInstanceOf(MalformedChangeEventException.class)
        .hasMessageContaining("not a valid BSON document");
    assertThatThrownBy(() -> ChangeEventFormat.decode(new byte[0]))
        .hasMessageContaining("empty");
  }

  @Test
  void aRawFullDocumentTravelsAsItsBytesAndStaysRawInTheSink() {
    RawBsonDocument document = new RawBsonDocument(BsonSamples.everyBsonType(), new BsonDocumentCodec());
    BsonDocument event = new BsonDocument("_id", new BsonDocument("_data", new BsonString("8264")))
        .append("operationType", new BsonString("insert"))
        .append("fullDocument", document);

    byte[] encoded = ChangeEventFormat.encode(event);
    BsonDocument decoded = ChangeEventFormat.decode(encoded);

    assertThat(encoded).isEqualTo(ChangeEventFormat.encode(new BsonDocument("_id", event.get("_id"))
        .append("operationType", new BsonString("insert")).append("fullDocument", BsonSamples.everyBsonType())));
    assertThat(decoded.get("fullDocument")).isInstanceOf(RawBsonDocument.class);
    assertThat(ChangeEventFormat.encode(decoded.getDocument("fullDocument"))).isEqualTo(ChangeEventFormat.encode(document));
  }

  @Test
  void aMalformedElementDeepInsideTheFullDocumentFailsWithTheReason() {
    BsonDocument event = new BsonDocument("operationType", new BsonString("insert"))
        .append("fullDocument", new BsonDocument("_id", new BsonInt32(1))
            .append("outer", new BsonDocument("inner", new BsonArray(java.util.List.of(new BsonInt32(7))))));
    byte[] valid = ChangeEventFormat.encode(event);
    byte[] corrupt = valid.clone();
    int arrayElement = indexOf(valid, new byte[] {0x10, '0', 0, 7, 0, 0, 0});
    corrupt[arrayElement] = 0x7f; // the array element's type byte

    assertThat(ChangeEventFormat.decode(valid)).isEqualTo(event);
    assertThatThrownBy(() -> ChangeEventFormat.decode(corrupt))
        .isInstanceOf(MalformedChangeEventException.class)
        .hasMessageContaining("not a valid BSON document");
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + part.length), part)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
