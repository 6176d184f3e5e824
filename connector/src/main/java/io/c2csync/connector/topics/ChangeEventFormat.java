package io.c2csync.connector.topics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonSerializationException;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;

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

  private ChangeEventFormat() {}

  public static byte[] encode(BsonDocument event) {
    RawBsonDocument raw =
        event instanceof RawBsonDocument r ? r : new RawBsonDocument(event, new BsonDocumentCodec());
    ByteBuffer buffer = raw.getByteBuffer().asNIO();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
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
      return new BsonDocumentCodec().decode(reader, DecoderContext.builder().build());
    } catch (BsonSerializationException | BsonInvalidOperationException | IllegalArgumentException e) {
      throw new MalformedChangeEventException("record value is not a valid BSON document: " + e.getMessage(), e);
    }
  }
}
