package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Matching of a query {@code {_id: {$in: [...]}}} against one document at a time. The library compares each document
 * with every listed value, so reading k documents by their {@code _id}s costs k² comparisons under the collection's
 * lock (a verifier's 1,000 keys held writers off for hundreds of ms), where MongoDB looks each key up once. Here the
 * listed values are grouped by a key that equal values share, and a document is matched by the library against the
 * values of its group only: the same answer, in about k comparisons. Values of other kinds (and documents whose
 * {@code _id} is of another kind) are matched against the whole query, as before.
 */
final class IdInMatch {

    static final IdInMatch NONE = new IdInMatch(null, null);

    private static final String ID = "_id";
    private static final String IN = "$in";

    /** Matches no document: no listed value is of the document's group. */
    private static final Document NO_VALUE = new Document(ID, new Document(IN, List.of()));

    private final Document query;
    /** The query narrowed to each group's listed values, by {@link #groupOf}; null when the query is not of this shape. */
    private final Map<Object, Document> narrowed;

    private IdInMatch(Document query, Map<Object, Document> narrowed) {
        this.query = query;
        this.narrowed = narrowed;
    }

    static IdInMatch of(Document query) {
        if (query.size() != 1 || !(query.get(ID) instanceof Document condition) || condition.size() != 1
            || !(condition.get(IN) instanceof Collection<?> values)) {
            return new IdInMatch(query, null);
        }
        Map<Object, List<Object>> listed = new HashMap<>();
        for (Object value : values) {
            Object group = groupOf(value);
            if (group == null) {
                return new IdInMatch(query, null);
            }
            listed.computeIfAbsent(group, g -> new ArrayList<>()).add(value);
        }
        Map<Object, Document> narrowed = new HashMap<>();
        listed.forEach((group, groupValues) -> narrowed.put(group, new Document(ID, new Document(IN, groupValues))));
        return new IdInMatch(query, narrowed);
    }

    boolean isFor(Document other) {
        return query == other;
    }

    /** The query to match {@code document} with: the listed values that may equal its {@code _id}, or the whole query. */
    Document narrowedFor(Document document) {
        if (narrowed == null) {
            return query;
        }
        Object group = groupOf(document.get(ID));
        if (group == null) {
            return query;
        }
        return narrowed.getOrDefault(group, NO_VALUE);
    }

    /**
     * A key that values MongoDB compares as equal share (a number's value as a double, so 1, 1L and 1.0 share one;
     * two large longs may share one too, and the library then tells them apart); null for a kind not grouped.
     */
    private static Object groupOf(Object value) {
        if (value instanceof String || value instanceof ObjectId) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            double number = ((Number) value).doubleValue();
            return new NumberGroup(number == 0 ? 0.0 : number);
        }
        return null;
    }

    private record NumberGroup(double value) {
    }
}
