package io.c2csync.controlplane.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/** Two documents with the same {@code _id}: equal when their BSON bytes are; otherwise the first thing that differs. */
final class DocumentComparison {

    private static final int MAX_VALUE_TEXT = 120;

    private DocumentComparison() {
    }

    /** A kind of difference and what it is, e.g. {@code CHANGED_TYPE}, {@code field n: source int32 1, destination int64 1}. */
    record Mismatch(DifferenceKind kind, String detail) {
    }

    static boolean sameBytes(RawBsonDocument source, RawBsonDocument destination) {
        return source.getByteBuffer().asNIO().equals(destination.getByteBuffer().asNIO());
    }

    /** Only for documents whose bytes differ. */
    static Mismatch firstMismatch(RawBsonDocument source, RawBsonDocument destination) {
        Mismatch mismatch = documents("", source, destination);
        return mismatch != null ? mismatch
                : new Mismatch(DifferenceKind.CHANGED_VALUE, "the BSON bytes differ where the decoded values do not");
    }

    private static Mismatch documents(String prefix, BsonDocument source, BsonDocument destination) {
        for (Map.Entry<String, BsonValue> field : source.entrySet()) {
            String path = prefix + field.getKey();
            BsonValue other = destination.get(field.getKey());
            Mismatch mismatch = other == null
                    ? new Mismatch(DifferenceKind.MISSING_FIELD, "field " + path + " (source " + text(field.getValue())
                            + ") is not on the destination")
                    : values(path, field.getValue(), other);
            if (mismatch != null) {
                return mismatch;
            }
        }
        for (Map.Entry<String, BsonValue> field : destination.entrySet()) {
            if (!source.containsKey(field.getKey())) {
                return new Mismatch(DifferenceKind.EXTRA_FIELD, "field " + prefix + field.getKey() + " (destination "
                        + text(field.getValue()) + ") is not on the source");
            }
        }
        List<String> sourceOrder = new ArrayList<>(source.keySet());
        List<String> destinationOrder = new ArrayList<>(destination.keySet());
        if (!sourceOrder.equals(destinationOrder)) {
            return new Mismatch(DifferenceKind.CHANGED_FIELD_ORDER, "fields of " + (prefix.isEmpty() ? "the document"
                    : prefix.substring(0, prefix.length() - 1)) + ": source " + sourceOrder + ", destination " + destinationOrder);
        }
        return null;
    }

    private static Mismatch values(String path, BsonValue source, BsonValue destination) {
        if (source.getBsonType() != destination.getBsonType()) {
            return new Mismatch(DifferenceKind.CHANGED_TYPE, "field " + path + ": source " + text(source) + ", destination "
                    + text(destination));
        }
        if (source.isDocument()) {
            return documents(path + ".", source.asDocument(), destination.asDocument());
        }
        if (source.isArray()) {
            return arrays(path, source.asArray(), destination.asArray());
        }
        return source.equals(destination) ? null
                : new Mismatch(DifferenceKind.CHANGED_VALUE, "field " + path + ": source " + text(source) + ", destination "
                        + text(destination));
    }

    private static Mismatch arrays(String path, BsonArray source, BsonArray destination) {
        for (int i = 0; i < Math.min(source.size(), destination.size()); i++) {
            Mismatch mismatch = values(path + "." + i, source.get(i), destination.get(i));
            if (mismatch != null) {
                return mismatch;
            }
        }
        return source.size() == destination.size() ? null
                : new Mismatch(DifferenceKind.CHANGED_VALUE, "field " + path + ": source array of " + source.size()
                        + " elements, destination array of " + destination.size());
    }

    /** The value with its BSON type, e.g. {@code int64 1}, cut to a readable length. */
    static String text(BsonValue value) {
        String json = Difference.json(value);
        return value.getBsonType().name().toLowerCase(Locale.ROOT) + " "
                + (json.length() <= MAX_VALUE_TEXT ? json : json.substring(0, MAX_VALUE_TEXT) + "...");
    }
}
