package io.c2csync.connector.topics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Set;

import org.bson.AbstractBsonReader;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonSerializationException;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Record keys and values are the change-stream event documents as raw BSON bytes (mongo-kafka's
 * {@code output.format.*=bson}, carried by Connect's {@code ByteArrayConverter}). BSON is the
 * server's own encoding, so every type (Decimal128, binary subtypes, dates, int64, timestamps,
 * regexes, min/max keys, field order) reaches the sink byte for byte.
 */
public final class ChangeEventFormat {

  /** Value of the {@link RecordHeaders#FORMAT} header; bump it on any incompatible change. */
  public static final String FORMAT_ID = "bson-change-event-v1";
  public static final String MONGO_KAFKA_OUTPUT_FORMAT = "bson";
  public static final String CONVERTER_CLASS = "org.apache.kafka.connect.converters.ByteArrayConverter";
  /**
   * Kafka's limits for one record, raised on producer, topic and consumer: an event carries a
   * whole document (up to 16 MiB) plus its envelope, and Kafka's defaults stop at 1 MB.
   */
  public static final String MAX_RECORD_BYTES = Integer.toString(32 * 1024 * 1024);
  /**
   * The {@code operationType} of the event that starts a copy from a new resume point (only our
   * copy emits it): what the destination holds of the group predates that point, and the changes
   * in between will never come, so the sink drops the group's collections before the copy fills
   * them again.
   */
  public static final String FRESH_COPY = "c2cFreshCopy";

  private static final Set<String> RAW_FIELDS = Set.of("fullDocument", "fullDocumentBeforeChange");
  private static final BsonValueCodec VALUE_CODEC = new BsonValueCodec();
  private static final DecoderContext DECODING = DecoderContext.builder().build();
  private static final EncoderContext ENCODING = EncoderContext.builder().build();

  private ChangeEventFormat() {}

  public static byte[] encode(BsonDocument event) {
    if (event instanceof RawBsonDocument raw) {
      ByteBuffer buffer = raw.getByteBuffer().asNIO();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    }
    BasicOutputBuffer buffer = new BasicOutputBuffer();
    try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
      writer.writeStartDocument();
      for (Map.Entry<String, BsonValue> field : event.entrySet()) {
        writer.writeName(field.getKey());
        // by the value's class, unlike BsonDocumentCodec: a raw document's bytes are copied, not decoded and encoded
        VALUE_CODEC.encode(writer, field.getValue(), ENCODING);
      }
      writer.writeEndDocument();
    }
    return buffer.toByteArray();
  }

  /** Decodes and fully validates one record value; malformed bytes fail with the reason. */
  public static BsonDocument decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new MalformedChangeEventException("record value is empty; expected a BSON change event");
    }
    if (bytes.length < 5) {
      throw new MalformedChangeEventException("record value is not a valid BSON document: only " + bytes.length + " bytes");
    }
    int declaredLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (declaredLength != bytes.length) {
      throw new MalformedChangeEventException("record value is not a valid BSON document: it declares "
          + declaredLength + " bytes but has " + bytes.length);
    }
    try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bytes))) {
      return decodeEvent(reader, bytes);
    } catch (BsonSerializationException | BsonInvalidOperationException | IllegalArgumentException e) {
      throw new MalformedChangeEventException("record value is not a valid BSON document: " + e.getMessage(), e);
    }
  }

  /**
   * The event's fields decoded, except its documents ({@code fullDocument}), which stay raw BSON (views of the
   * record's bytes) after a walk over their structure: the sink hands them to the driver, which sends their bytes as
   * they are instead of decoding every string and encoding it again.
   */
  private static BsonDocument decodeEvent(BsonBinaryReader reader, byte[] bytes) {
    BsonDocument event = new BsonDocument();
    reader.readStartDocument();
    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
      String name = reader.readName();
      if (reader.getCurrentBsonType() == BsonType.DOCUMENT && RAW_FIELDS.contains(name)) {
        int start = reader.getBsonInput().getPosition();
        reader.skipValue();
        RawBsonDocument document = new RawBsonDocument(bytes, start, reader.getBsonInput().getPosition() - start);
        requireWellFormed(document);
        event.put(name, document);
      } else {
        event.put(name, VALUE_CODEC.decode(reader, DECODING));
      }
    }
    reader.readEndDocument();
    return event;
  }

  /** Reads every element's type, name and extent, and nested documents' and arrays' too, without decoding values. */
  private static void requireWellFormed(RawBsonDocument document) {
    try (BsonBinaryReader reader = new BsonBinaryReader(document.getByteBuffer().asNIO())) {
      reader.readStartDocument();
      walkElements(reader);
      reader.readEndDocument();
    }
  }

  private static void walkElements(BsonBinaryReader reader) {
    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
      if (reader.getState() == AbstractBsonReader.State.NAME) {
        reader.readName();
      }
      switch (reader.getCurrentBsonType()) {
        case DOCUMENT -> {
          reader.readStartDocument();
          walkElements(reader);
          reader.readEndDocument();
        }
        case ARRAY -> {
          reader.readStartArray();
          walkElements(reader);
          reader.readEndArray();
        }
        default -> reader.skipValue();
      }
    }
  }
}
