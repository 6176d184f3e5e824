package io.c2csync.pipeline;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/** Which values a cluster does not store as sent: refused, or read back with other bytes. */
final class SourceStorage {

    private SourceStorage() {
    }

    /** Writes each field of {@code fields} in a document of its own to {@code probe}; returns the names not kept as sent. */
    static List<String> unfaithfullyStored(MongoCollection<BsonDocument> probe, BsonDocument fields) {
        List<String> unfaithful = new ArrayList<>();
        int id = 0;
        for (Map.Entry<String, BsonValue> field : fields.entrySet()) {
            BsonDocument written = new BsonDocument("_id", new BsonInt32(id++)).append(field.getKey(), field.getValue());
            try {
                probe.insertOne(written);
                RawBsonDocument read = probe.withDocumentClass(RawBsonDocument.class)
                        .find(Filters.eq("_id", written.get("_id"))).first();
                if (read == null || !ClusterComparison.sameBytes(read, new RawBsonDocument(written,
                        new BsonDocumentCodec()))) {
                    unfaithful.add(field.getKey() + " read back as " + (read == null ? "nothing" : read.toJson()));
                }
            } catch (MongoException e) {
                unfaithful.add(field.getKey() + " refused: " + e);
            }
        }
        probe.drop();
        return unfaithful;
    }
}
