package io.c2csync.emulator;

import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * Pipeline-style updates ({@code u: [ ... ]}) of the {@code update} command: the stages MongoDB allows there, run by
 * the library's aggregation over each matched document. findAndModify with a pipeline is refused.
 */
final class PipelineUpdates {

    private static final Set<String> UPDATE_STAGES = Set.of("$addFields", "$set", "$project", "$unset", "$replaceRoot",
        "$replaceWith");

    private PipelineUpdates() {
    }

    static MongoServerError refusal() {
        return MongoErrors.ILLEGAL_OPERATION.error("findAndModify with a pipeline-style update (an update given as an array"
            + " of stages) is not supported by the c2c-sync MongoDB emulator");
    }

    /** The stages of a one-statement {@code update} command's pipeline-style update, or null for other updates. */
    static List<Document> stagesOf(Document singleUpdateCommand) {
        if (!(singleUpdateCommand.get("updates") instanceof List<?> updates) || updates.size() != 1
            || !(updates.get(0) instanceof Document statement) || !(statement.get("u") instanceof List<?> stages)) {
            return null;
        }
        if (statement.containsKey("arrayFilters")) {
            throw MongoErrors.FAILED_TO_PARSE.error("arrayFilters may not be specified for pipeline-style updates");
        }
        for (Object stage : stages) {
            String name = stage instanceof Document document && document.size() == 1 ? document.keySet().iterator().next() : null;
            if (!UPDATE_STAGES.contains(name)) {
                throw MongoErrors.INVALID_OPTIONS.error((name == null ? "A pipeline stage" : name)
                    + " is not allowed to be used within an update");
            }
        }
        return PipelineStages.withAliasesRewritten(stages);
    }
}
