package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Runs the {@code $unionWith} stages that mongo-java-server lacks: the stages before one run as usual, the other
 * collection's documents (through its own pipeline) are appended, and the stages after it run over the union.
 */
final class UnionWith {

    private static final String STAGE = "$unionWith";

    /** How one database runs pipelines without {@code $unionWith}, and whole pipelines over other collections. */
    interface Runner {
        /** The complete result of {@code stages} (none of them {@code $unionWith}) over this pipeline's collection. */
        List<Document> fromCollection(List<Document> stages);

        /** {@code stages} (none of them {@code $unionWith}) applied to documents already read. */
        List<Document> over(List<Document> stages, List<Document> documents);

        /** The complete result of any pipeline over another collection or view of the database. */
        List<Document> fromOther(String collection, List<Document> pipeline);
    }

    private UnionWith() {
    }

    static boolean presentIn(List<Document> pipeline) {
        return pipeline.stream().anyMatch(stage -> stage.containsKey(STAGE));
    }

    static List<Document> run(List<Document> pipeline, Runner runner) {
        int union = next(pipeline, 0);
        List<Document> documents = new ArrayList<>(runner.fromCollection(pipeline.subList(0, union)));
        while (union < pipeline.size()) {
            Object spec = pipeline.get(union).get(STAGE);
            documents.addAll(runner.fromOther(collectionOf(spec), pipelineOf(spec)));
            int following = next(pipeline, union + 1);
            List<Document> between = pipeline.subList(union + 1, following);
            documents = between.isEmpty() ? documents : new ArrayList<>(runner.over(between, documents));
            union = following;
        }
        return documents;
    }

    private static int next(List<Document> pipeline, int from) {
        for (int index = from; index < pipeline.size(); index++) {
            if (pipeline.get(index).containsKey(STAGE)) {
                return index;
            }
        }
        return pipeline.size();
    }

    private static String collectionOf(Object spec) {
        if (spec instanceof String collection) {
            return collection;
        }
        if (spec instanceof Document document && document.get("coll") instanceof String collection) {
            return collection;
        }
        throw MongoErrors.FAILED_TO_PARSE.error("$unionWith needs a collection name, as a string or in 'coll' (the c2c-sync"
            + " MongoDB emulator does not run collection-less $unionWith pipelines), got " + spec);
    }

    private static List<Document> pipelineOf(Object spec) {
        if (!(spec instanceof Document document) || document.get("pipeline") == null) {
            return List.of();
        }
        if (!(document.get("pipeline") instanceof List<?> stages)) {
            throw MongoErrors.FAILED_TO_PARSE.error("$unionWith 'pipeline' must be an array, got " + document.get("pipeline"));
        }
        return PipelineStages.withAliasesRewritten(stages);
    }
}
