package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;

/**
 * A non-unique index with {@code prepareUnique: true} (MongoDB 6.0): it rejects writes that would add a duplicate
 * key, keeps the duplicates it already has, and lists them when {@code collMod} converts it to a unique index.
 * Keys are extracted by a detached unique index of the library (arrays give one key per element, as there).
 */
final class PreparedUniqueIndex {

    private final Index<Integer> keys;
    private final boolean sparse;

    PreparedUniqueIndex(Index<Integer> detachedUniqueIndex, boolean sparse) {
        this.keys = detachedUniqueIndex;
        this.sparse = sparse;
    }

    String name() {
        return keys.getName();
    }

    /** Fails with DuplicateKey when a document other than {@code written} (by {@code _id}) has one of its keys. */
    void checkNoOtherHas(Document written, Iterable<Document> stored, MongoCollection<?> collection) {
        if (!indexed(written)) {
            return;
        }
        List<KeyValue> writtenKeys = List.copyOf(keys.getKeyValues(written));
        for (Document other : stored) {
            if (Objects.equals(other.get("_id"), written.get("_id")) || !indexed(other)) {
                continue;
            }
            for (KeyValue key : keys.getKeyValues(other)) {
                if (writtenKeys.contains(key)) {
                    throw new DuplicateKeyError(keys, collection, keys.getKeys(), key);
                }
            }
        }
    }

    /** The {@code _id}s of the documents sharing a key, one group per duplicated key, as MongoDB's violations. */
    List<Document> violations(Iterable<Document> stored) {
        Map<KeyValue, List<Object>> idsByKey = new LinkedHashMap<>();
        for (Document document : stored) {
            if (indexed(document)) {
                keys.getKeyValues(document).forEach(key -> idsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(document.get("_id")));
            }
        }
        return idsByKey.values().stream().filter(ids -> ids.size() > 1).map(ids -> new Document("ids", ids)).toList();
    }

    private boolean indexed(Document document) {
        return !sparse || keys.getKeys().stream().map(IndexKey::getKey)
            .anyMatch(path -> !(Utils.getSubdocumentValueCollectionAware(document, path) instanceof Missing));
    }
}
