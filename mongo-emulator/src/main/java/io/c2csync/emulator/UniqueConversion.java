package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * collMod's conversion of an existing index to unique, as in MongoDB 6.0: {@code prepareUnique: true} first, then
 * {@code unique: true}, which is refused with {@code CannotConvertIndexToUnique} and the {@code _id}s of each group
 * of duplicates while any exist. Only the catalog entry changes: the emulator does not enforce the converted index
 * on later writes.
 */
final class UniqueConversion {

    private static final int CANNOT_CONVERT_INDEX_TO_UNIQUE = 359;

    private UniqueConversion() {
    }

    /** The groups of duplicate keys ({@code {ids: [...]}}) blocking the change; empty when it makes nothing unique. */
    static List<Document> violations(EmulatedCollection collection, CollectionCatalog catalog, Document change) {
        if (!change.containsKey("unique")) {
            return List.of();
        }
        Document index = catalog.findIndex(collection, change);
        requirePrepared(index, change);
        Document key = (Document) index.get("key");
        Map<List<Object>, List<Object>> idsByKey = new LinkedHashMap<>();
        for (Document document : collection.handleQuery(new Document())) {
            List<Object> values = key.keySet().stream().map(field -> Utils.getSubdocumentValue(document, field)).toList();
            idsByKey.computeIfAbsent(values, k -> new ArrayList<>()).add(document.get("_id"));
        }
        return idsByKey.values().stream().filter(ids -> ids.size() > 1).map(ids -> new Document("ids", ids)).toList();
    }

    /** The server's reply refusing the conversion. */
    static Document refusal(List<Document> violations) {
        return new Document("ok", 0.0)
            .append("errmsg", "Cannot convert the index to unique. Please resolve conflicting documents before running collMod again.")
            .append("code", CANNOT_CONVERT_INDEX_TO_UNIQUE)
            .append("codeName", "CannotConvertIndexToUnique")
            .append("violations", violations);
    }

    private static void requirePrepared(Document index, Document change) {
        if (!Boolean.TRUE.equals(change.get("unique"))) {
            throw MongoErrors.BAD_VALUE.error("collMod 'unique' can only be true, got " + change.get("unique"));
        }
        if (!Boolean.TRUE.equals(index.get("prepareUnique"))) {
            throw MongoErrors.INVALID_OPTIONS.error("Cannot make index unique with 'prepareUnique=false'. "
                + "Run collMod to set it first.");
        }
    }
}
