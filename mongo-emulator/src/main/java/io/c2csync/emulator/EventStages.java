package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The stages a client put after {@code $changeStream}, applied to one rendered event. A pipeline of {@code $match}
 * stages and {@code $project}s that include top-level fields (the usual filters and key projections) is applied
 * here, with the library's query matcher and the library's inclusion rules, without its per-document stream or a
 * deep copy; any other pipeline goes through the library's aggregation, on a deep copy because its stages may change
 * nested documents the event shares with the history.
 */
final class EventStages {

    private static final String ID = "_id";

    private final Aggregation aggregation;
    /** One step per stage, a step answering null to drop the event; null when the aggregation applies the stages. */
    private final List<UnaryOperator<Document>> steps;

    private EventStages(Aggregation aggregation, List<UnaryOperator<Document>> steps) {
        this.aggregation = aggregation;
        this.steps = steps;
    }

    /** @param stages the stages with their aliases rewritten, as {@code aggregation} was built from */
    static EventStages of(List<Document> stages, Aggregation aggregation) {
        List<UnaryOperator<Document>> steps = new ArrayList<>();
        for (Document stage : stages) {
            UnaryOperator<Document> step = directStep(stage);
            if (step == null) {
                return new EventStages(aggregation, null);
            }
            steps.add(step);
        }
        return new EventStages(aggregation, List.copyOf(steps));
    }

    /** The event after the stages, or null when a stage dropped it. */
    Document apply(Document rendered) {
        if (steps == null) {
            List<Document> result = aggregation.runStages(Stream.of(rendered.cloneDeeply()));
            return result.isEmpty() ? null : result.get(0);
        }
        Document document = rendered;
        for (UnaryOperator<Document> step : steps) {
            document = step.apply(document);
            if (document == null) {
                return null;
            }
        }
        return document;
    }

    private static UnaryOperator<Document> directStep(Document stage) {
        Map.Entry<String, Object> only = stage.entrySet().iterator().next();
        if (only.getKey().equals("$match") && only.getValue() instanceof Document query) {
            QueryMatcher matcher = new DefaultQueryMatcher();
            return document -> matcher.matches(document, query) ? document : null;
        }
        if (only.getKey().equals("$project") && only.getValue() instanceof Document projection
            && isTopLevelInclusion(projection)) {
            List<String> included = projection.entrySet().stream()
                .filter(field -> Boolean.TRUE.equals(inclusionOf(field.getValue()))).map(Map.Entry::getKey).toList();
            boolean idFirst = !projection.containsKey(ID);
            return document -> include(document, idFirst, included);
        }
        return null;
    }

    /** Only fields included by {@code 1}/{@code true}, named without dots or a leading {@code $}; {@code _id} may be excluded. */
    private static boolean isTopLevelInclusion(Document projection) {
        boolean includes = false;
        for (Map.Entry<String, Object> field : projection.entrySet()) {
            String name = field.getKey();
            if (name.isEmpty() || name.contains(".") || name.startsWith("$")) {
                return false;
            }
            Boolean included = inclusionOf(field.getValue());
            if (included == null || !included && !name.equals(ID)) {
                return false;
            }
            includes |= included;
        }
        return includes;
    }

    /** True or false for a number or boolean (as the library reads them), null for anything else (an expression). */
    private static Boolean inclusionOf(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        return null;
    }

    /**
     * As the library's inclusion projection: {@code _id} first unless the projection names it ({@code idFirst}), then
     * the {@code included} fields present, in the projection's order.
     */
    private static Document include(Document document, boolean idFirst, List<String> included) {
        Document result = new Document();
        if (idFirst && document.containsKey(ID)) {
            result.put(ID, document.get(ID));
        }
        for (String name : included) {
            if (document.containsKey(name)) {
                result.put(name, document.get(name));
            }
        }
        return result;
    }
}
