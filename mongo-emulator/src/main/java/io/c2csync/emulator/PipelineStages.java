package io.c2csync.emulator;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;

/** Rewrites the aggregation stage aliases MongoDB 4.2+ accepts into the stages mongo-java-server implements. */
final class PipelineStages {

    private PipelineStages() {
    }

    static List<Document> withAliasesRewritten(List<?> stages) {
        return stages.stream().map(PipelineStages::rewrite).toList();
    }

    private static Document rewrite(Object stage) {
        if (!(stage instanceof Document document) || document.size() != 1) {
            throw MongoErrors.PIPELINE_STAGE_SHAPE.error("A pipeline stage specification object must contain exactly one field.");
        }
        String name = document.keySet().iterator().next();
        return switch (name) {
            case "$set" -> new Document("$addFields", document.get(name));
            case "$replaceWith" -> new Document("$replaceRoot", new Document("newRoot", document.get(name)));
            default -> document;
        };
    }
}
