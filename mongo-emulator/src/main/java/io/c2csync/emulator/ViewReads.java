package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The stages MongoDB appends to a view's pipeline to answer a read of the view: a find's filter, sort, skip, limit
 * and projection, or a count's query, skip and limit.
 */
final class ViewReads {

    private ViewReads() {
    }

    static List<Document> ofFind(Document find) {
        List<Document> stages = new ArrayList<>();
        addIfPresent(stages, "$match", find.get("filter"));
        addIfPresent(stages, "$sort", find.get("sort"));
        addIfPresent(stages, "$skip", find.get("skip"));
        if (find.get("limit") instanceof Number limit && limit.longValue() != 0) {
            stages.add(new Document("$limit", Math.abs(limit.longValue())));
        }
        addIfPresent(stages, "$project", find.get("projection"));
        return stages;
    }

    static List<Document> ofCount(Document count) {
        List<Document> stages = new ArrayList<>();
        addIfPresent(stages, "$match", count.get("query"));
        addIfPresent(stages, "$skip", count.get("skip"));
        if (count.get("limit") instanceof Number limit && limit.longValue() != 0) {
            stages.add(new Document("$limit", Math.abs(limit.longValue())));
        }
        stages.add(new Document("$count", "n"));
        return stages;
    }

    private static void addIfPresent(List<Document> stages, String stage, Object value) {
        if (value instanceof Document document && !document.isEmpty()) {
            stages.add(new Document(stage, document));
        } else if (value instanceof Number number && number.longValue() != 0) {
            stages.add(new Document(stage, number));
        }
    }
}
