package io.c2csync.controlplane.verify;

import com.mongodb.MongoNamespace;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * One difference between source and destination.
 *
 * @param id the document's {@code _id}, null for a difference of the catalog (namespace, options, index, view)
 * @param detail what differs, e.g. {@code field n: source int32 1, destination int64 1}
 */
public record Difference(DifferenceKind kind, MongoNamespace namespace, BsonValue id, String detail) {

    private static final JsonWriterSettings SHELL_JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** A value as readable JSON, e.g. {@code 5} or {@code {"$oid": "..."}}. */
    static String json(BsonValue value) {
        String wrapped = new BsonDocument("v", value).toJson(SHELL_JSON);
        return wrapped.substring("{\"v\": ".length(), wrapped.length() - 1);
    }

    /** One line: kind, namespace, {@code _id} when there is one, detail. */
    public String describe() {
        return kind + " " + namespace.getFullName() + (id == null ? "" : " _id " + json(id)) + ": " + detail;
    }
}
