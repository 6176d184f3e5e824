package io.c2csync.controlplane.signals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.c2csync.connector.topics.Marker;
import io.c2csync.connector.topics.MarkerCodec;
import io.c2csync.connector.topics.MarkerKind;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.connector.topics.SyncGroupTopic;
import java.util.Optional;
import org.bson.BsonDocument;

/** {@code __c2c_sync.markers} of one cluster: written on the source, read on the destination. */
final class MarkerCollection {
    private final MongoCollection<BsonDocument> markers;

    MarkerCollection(MongoClient client) {
        this.markers = client.getDatabase(MarkerNamespace.DATABASE)
                .getCollection(MarkerNamespace.MARKERS, BsonDocument.class);
    }

    /** Upserts by {@code _id}: one document per group and kind, whose every write flows through the pipeline. */
    void write(Marker marker) {
        BsonDocument document = MarkerCodec.encode(marker);
        markers.replaceOne(Filters.eq(MarkerCodec.ID, document.get(MarkerCodec.ID)), document,
                new ReplaceOptions().upsert(true));
    }

    Optional<Marker> read(SyncGroupTopic topic, MarkerKind kind) {
        BsonDocument found = markers.find(Filters.eq(MarkerCodec.ID, MarkerCodec.id(topic.syncId(), topic.group(), kind)))
                .first();
        return Optional.ofNullable(found).map(MarkerCodec::decode);
    }
}
