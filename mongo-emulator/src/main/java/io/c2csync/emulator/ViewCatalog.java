package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * The views of one database: their definitions ({@code viewOn} and {@code pipeline}), kept in memory rather than in
 * {@code system.views}, and how a read of a view resolves to a pipeline over a collection.
 */
final class ViewCatalog {

    /** MongoDB's limit on views defined on views. */
    private static final int MAX_DEPTH = 20;

    /** A view read as MongoDB runs it: the view's whole pipeline (outermost view last) over its base collection. */
    record Resolved(String collection, List<Document> pipeline) {
    }

    private final String databaseName;
    private final Map<String, Document> definitions = new ConcurrentSkipListMap<>();

    ViewCatalog(String databaseName) {
        this.databaseName = databaseName;
    }

    boolean isView(Object name) {
        return name instanceof String view && definitions.containsKey(view);
    }

    Set<String> names() {
        return definitions.keySet();
    }

    /** The {@code {viewOn, pipeline}} of a view, a copy. */
    Optional<Document> definition(String name) {
        return Optional.ofNullable(definitions.get(name)).map(Document::cloneDeeply);
    }

    /** Defines a view from a {@code create} command; the name must be free. */
    Document define(String name, Document command) {
        Document definition = parse(command, "create", new Document());
        refuseCycle(name, definition);
        definitions.put(name, definition);
        return definition.cloneDeeply();
    }

    /** Redefines a view from a {@code collMod} command; what it leaves out stays as it was. */
    Document redefine(String name, Document command) {
        Document definition = parse(command, "collMod", definitions.get(name));
        refuseCycle(name, definition);
        definitions.put(name, definition);
        return definition.cloneDeeply();
    }

    void remove(String name) {
        definitions.remove(name);
    }

    Resolved resolve(String view) {
        List<List<Document>> pipelines = new ArrayList<>();
        String current = view;
        while (definitions.containsKey(current)) {
            if (pipelines.size() == MAX_DEPTH) {
                throw MongoErrors.VIEW_DEPTH_LIMIT_EXCEEDED.error("View depth too deep or view cycle detected; maximum depth is "
                    + MAX_DEPTH);
            }
            Document definition = definitions.get(current);
            pipelines.add(0, pipelineOf(definition));
            current = definition.get("viewOn").toString();
        }
        List<Document> pipeline = new ArrayList<>();
        pipelines.forEach(pipeline::addAll);
        return new Resolved(current, PipelineStages.withAliasesRewritten(pipeline));
    }

    /** The refusal MongoDB gives for a command on a view that only collections support. */
    MongoServerError notACollection(String name) {
        return MongoErrors.COMMAND_NOT_SUPPORTED_ON_VIEW.error("Namespace " + databaseName + "." + name
            + " is a view, not a collection");
    }

    private void refuseCycle(String name, Document definition) {
        String current = definition.get("viewOn").toString();
        for (int depth = 0; definitions.containsKey(current) || current.equals(name); depth++) {
            if (current.equals(name) || depth > MAX_DEPTH) {
                throw MongoErrors.GRAPH_CONTAINS_CYCLE.error("View cycle detected: " + databaseName + "." + name
                    + " would (indirectly) read itself");
            }
            current = definitions.get(current).get("viewOn").toString();
        }
    }

    private static Document parse(Document command, String commandName, Document current) {
        Document definition = current == null ? new Document() : current.cloneDeeply();
        for (String field : command.keySet()) {
            if (field.equals(commandName) || field.startsWith("$") || CreateOptions.GENERIC_FIELDS.contains(field)) {
                continue;
            }
            Object value = command.get(field);
            switch (field) {
                case "viewOn" -> {
                    if (!(value instanceof String collection) || collection.isEmpty()) {
                        throw MongoErrors.TYPE_MISMATCH.error("'viewOn' must be a non-empty string, got " + value);
                    }
                    definition.put("viewOn", collection);
                }
                case "pipeline" -> {
                    if (!(value instanceof List<?> stages)) {
                        throw MongoErrors.TYPE_MISMATCH.error("'pipeline' must be an array, got " + value);
                    }
                    PipelineStages.withAliasesRewritten(stages);
                    refuseWritingStages(stages);
                    definition.put("pipeline", new ArrayList<>(stages));
                }
                default -> throw MongoErrors.OPTION_NOT_SUPPORTED_ON_VIEW.error(commandName + " option '" + field
                    + "' is not supported on a view (the c2c-sync MongoDB emulator supports views with viewOn and pipeline only)");
            }
        }
        if (!definition.containsKey("viewOn")) {
            throw MongoErrors.BAD_VALUE.error("'pipeline' requires 'viewOn' to also be specified");
        }
        definition.putIfAbsent("pipeline", new ArrayList<>());
        return definition;
    }

    private static void refuseWritingStages(List<?> stages) {
        for (Object stage : stages) {
            Document document = (Document) stage;
            if (document.containsKey("$out") || document.containsKey("$merge")) {
                throw MongoErrors.OPTION_NOT_SUPPORTED_ON_VIEW.error("$out and $merge cannot be used in a view definition: " + stage);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Document> pipelineOf(Document definition) {
        return (List<Document>) definition.get("pipeline");
    }
}
