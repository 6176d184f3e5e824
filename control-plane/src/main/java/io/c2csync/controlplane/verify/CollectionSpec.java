package io.c2csync.controlplane.verify;

import com.mongodb.MongoNamespace;
import org.bson.BsonDocument;

/**
 * One entry of {@code listCollections}.
 *
 * @param type {@code collection}, {@code view} or {@code timeseries}
 * @param options the creation options: validator, collation, capped... (for a view {@code viewOn} and {@code pipeline})
 */
record CollectionSpec(MongoNamespace namespace, String type, BsonDocument options) {

    boolean holdsDocuments() {
        return type.equals("collection");
    }
}
