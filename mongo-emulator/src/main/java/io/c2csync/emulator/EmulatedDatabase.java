package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * An in-memory database whose collections record their changes, and whose DDL (create, drop, indexes, collMod)
 * records DDL events, in the replica set's change log.
 */
final class EmulatedDatabase extends MemoryDatabase {

    private final ChangeLog changeLog;
    private final QueryCursors queryCursors;
    /** Collections that exist for users (no system.* ones). Null only while the library's constructor runs. */
    private final Set<String> userCollections = ConcurrentHashMap.newKeySet();
    /** The options of the {@code create} command being executed on this thread. */
    private final ThreadLocal<Document> creating = new ThreadLocal<>();
    private final CollectionCatalog catalog = new CollectionCatalog(this);
    private final ViewCatalog views;

    EmulatedDatabase(String databaseName, CursorRegistry cursorRegistry, ChangeLog changeLog, QueryCursors queryCursors) {
        super(databaseName, cursorRegistry);
        this.changeLog = changeLog;
        this.queryCursors = queryCursors;
        this.views = new ViewCatalog(databaseName);
    }

    @Override
    protected EmulatedCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        EmulatedCollection collection = new EmulatedCollection(this, collectionName, options, cursorRegistry);
        if (changeLog != null && !collectionName.startsWith("system.")) {
            Document createOptions = creating.get() != null ? creating.get() : new Document();
            collection.setOptions(createOptions);
            userCollections.add(collectionName);
            record(ChangeDraft.create(collection.namespace(), collection.getUuid(), CollectionCatalog.describeCreate(createOptions)));
        }
        return collection;
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (views.isView(query.get(command))) {
            return viewCommand(channel, command, query, databaseResolver, oplog);
        }
        boolean bypassValidation = Boolean.TRUE.equals(query.get("bypassDocumentValidation"));
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "update" -> DocumentValidation.whileBypassing(bypassValidation, () -> OrderedWrites.run(query, "updates",
                single -> PipelineUpdates.stagesOf(single) != null ? pipelineUpdate(single, databaseResolver)
                    : super.handleCommand(channel, command, single, databaseResolver, oplog)));
            case "delete" -> OrderedWrites.run(query, "deletes",
                single -> super.handleCommand(channel, command, single, databaseResolver, oplog));
            case "insert", "findandmodify" -> DocumentValidation.whileBypassing(bypassValidation,
                () -> super.handleCommand(channel, command, query, databaseResolver, oplog));
            case "create" -> create(channel, command, query, databaseResolver, oplog);
            case "drop" -> {
                requireCollection(query.get(command), "ns not found");
                yield super.handleCommand(channel, command, query, databaseResolver, oplog);
            }
            case "createindexes" -> createIndexes(channel, command, query, databaseResolver, oplog);
            case "dropindexes" -> dropIndexes(channel, command, query, databaseResolver, oplog);
            case "collmod" -> catalog.collMod(requireCollection(query.get(command), "ns does not exist"), query);
            case "listcollections" -> catalog.listCollections(query);
            case "listindexes" -> {
                requireCollection(query.get(command), "ns does not exist");
                yield super.handleCommand(channel, command, query, databaseResolver, oplog);
            }
            case "dbstats" -> CollectionCatalog.withStorageSizes(super.handleCommand(channel, command, query, databaseResolver, oplog));
            case "collstats" -> CollectionCatalog.withStorageSizes(super.handleCommand(channel, command, query, databaseResolver, oplog));
            case "aggregate" -> aggregate(channel, command, query, databaseResolver, oplog);
            case "find" -> find(channel, command, query, databaseResolver, oplog);
            default -> super.handleCommand(channel, command, query, databaseResolver, oplog);
        };
    }

    /** A command on a view: reads run the view's pipeline over its base collection; writes are refused. */
    private Document viewCommand(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        String view = (String) query.get(command);
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "find" -> queryCursors.firstBatch(readView(channel, view, ViewReads.ofFind(query), resolver, oplog),
                query.get("batchSize") instanceof Number size ? size.intValue() : 0, Boolean.TRUE.equals(query.get("singleBatch")));
            case "aggregate" -> queryCursors.firstBatch(readView(channel, view,
                PipelineStages.withAliasesRewritten((List<?>) query.get("pipeline")), resolver, oplog), batchSizeOf(query.get("cursor")), false);
            case "count" -> {
                List<?> counted = (List<?>) ((Document) readView(channel, view, ViewReads.ofCount(query), resolver, oplog).get("cursor")).get("firstBatch");
                yield new Document("n", counted.isEmpty() ? 0 : ((Document) counted.get(0)).get("n")).append("ok", 1.0);
            }
            case "create" -> throw MongoErrors.NAMESPACE_EXISTS.error("Namespace already exists: " + getFullCollectionNamespace(view));
            case "drop" -> {
                views.remove(view);
                record(ChangeDraft.dropView(new Namespace(getDatabaseName(), view)));
                yield new Document("ns", getFullCollectionNamespace(view)).append("ok", 1.0);
            }
            case "collmod" -> {
                Document definition = views.redefine(view, query);
                record(ChangeDraft.modifyView(new Namespace(getDatabaseName(), view), definition));
                yield new Document("ok", 1.0);
            }
            case "distinct" -> throw MongoErrors.NOT_IMPLEMENTED.error("distinct on a view is not supported by the c2c-sync"
                + " MongoDB emulator; use an aggregation with $group");
            default -> throw views.notACollection(view);
        };
    }

    private Document readView(Channel channel, String view, List<Document> stages, DatabaseResolver resolver, Oplog oplog) {
        return CollectionCatalog.cursorReply(getFullCollectionNamespace(view), aggregateAll(channel, view, stages, resolver, oplog));
    }

    /** The complete result of a pipeline over a collection or a view, with the {@code $unionWith} stages the library lacks. */
    private List<Document> aggregateAll(Channel channel, String collectionName, List<Document> pipeline, DatabaseResolver resolver,
                                        Oplog oplog) {
        String source = collectionName;
        List<Document> stages = pipeline;
        if (views.isView(collectionName)) {
            ViewCatalog.Resolved view = views.resolve(collectionName);
            source = view.collection();
            stages = new ArrayList<>(view.pipeline());
            stages.addAll(pipeline);
        }
        String collection = source;
        return UnionWith.run(stages, new UnionWith.Runner() {
            @Override
            public List<Document> fromCollection(List<Document> plainStages) {
                return libraryAggregate(channel, collection, plainStages, resolver, oplog);
            }

            @Override
            public List<Document> over(List<Document> plainStages, List<Document> documents) {
                return Aggregation.fromPipeline(plainStages, resolver, EmulatedDatabase.this, resolveCollection(collection, false),
                    NoopOplog.get()).runStages(documents.stream());
            }

            @Override
            public List<Document> fromOther(String other, List<Document> otherPipeline) {
                return aggregateAll(channel, other, otherPipeline, resolver, oplog);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<Document> libraryAggregate(Channel channel, String collection, List<Document> stages, DatabaseResolver resolver,
                                            Oplog oplog) {
        Document command = new Document("aggregate", collection).append("pipeline", stages).append("cursor", new Document());
        Document reply = super.handleCommand(channel, "aggregate", command, resolver, oplog);
        return (List<Document>) ((Document) reply.get("cursor")).get("firstBatch");
    }

    /** One pipeline-style update statement: each matched document replaced by the pipeline's output, as an update. */
    private Document pipelineUpdate(Document command, DatabaseResolver resolver) {
        Document statement = (Document) ((List<?>) command.get("updates")).get(0);
        List<Document> stages = PipelineUpdates.stagesOf(command);
        EmulatedCollection collection = (EmulatedCollection) resolveOrCreateCollection(String.valueOf(command.get("update")));
        Document selector = statement.get("q") instanceof Document q ? q : new Document();
        Document result = collection.updateWithPipeline(selector, Boolean.TRUE.equals(statement.get("multi")),
            Boolean.TRUE.equals(statement.get("upsert")), document -> {
                List<Document> output = Aggregation.fromPipeline(stages, resolver, this, collection, NoopOplog.get())
                    .runStages(Stream.of(document));
                return output.get(0);
            });
        return result.append("ok", 1.0);
    }

    private Document createView(String name, Document query) {
        if (resolveCollection(name, false) != null) {
            throw MongoErrors.NAMESPACE_EXISTS.error("Namespace already exists: " + getFullCollectionNamespace(name));
        }
        Document definition = views.define(name, query);
        record(ChangeDraft.createView(new Namespace(getDatabaseName(), name), definition));
        return new Document("ok", 1.0);
    }

    private Document create(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        if (query.containsKey("viewOn") || query.containsKey("pipeline")) {
            return createView(String.valueOf(query.get(command)), query);
        }
        Document options = CreateOptions.ofCreate(query);
        creating.set(options);
        try {
            return super.handleCommand(channel, command, CreateOptions.forLibrary(query), resolver, oplog);
        } finally {
            creating.remove();
        }
    }

    private Document createIndexes(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        String collectionName = String.valueOf(query.get(command));
        List<Document> requested = new ArrayList<>();
        List<Document> existing = catalog.indexDescriptions(collectionName);
        for (Object spec : (List<?>) query.get("indexes")) {
            IndexSpecs.validate((Document) spec);
            IndexSpecs.checkConflicts((Document) spec, existing);
            Document stored = ((Document) spec).cloneDeeply();
            stored.remove("collation");
            requested.add(stored);
        }
        Set<String> before = indexNames(collectionName);
        Document withoutSimpleCollations = query.clone();
        withoutSimpleCollations.put("indexes", requested.stream().map(Document::cloneDeeply).toList());
        Document reply = super.handleCommand(channel, command, withoutSimpleCollations, resolver, oplog);
        List<Document> created = requested.stream().filter(spec -> !before.contains(spec.get("name"))).toList();
        EmulatedCollection collection = (EmulatedCollection) resolveCollection(collectionName, false);
        if (!created.isEmpty() && collection != null) {
            record(ChangeDraft.createIndexes(collection.namespace(), collection.getUuid(), created.stream().map(CollectionCatalog::withVersion).toList()));
        }
        return reply;
    }

    private Document dropIndexes(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        EmulatedCollection collection = requireCollection(query.get(command), "ns not found");
        List<Document> before = catalog.indexDescriptions(collection.getCollectionName());
        Object index = query.get("index");
        List<Object> targets = new ArrayList<>();
        if ("*".equals(index)) {
            before.stream().map(spec -> spec.get("name")).filter(name -> !"_id_".equals(name)).forEach(targets::add);
        } else if (index instanceof List<?> names) {
            targets.addAll(names);
        } else {
            targets.add(index);
        }
        for (Object target : targets) {
            if ("_id_".equals(target)) {
                throw MongoErrors.INVALID_OPTIONS.error("cannot drop _id index");
            }
            Document single = new Document(command, query.get(command)).append("index", target);
            super.handleCommand(channel, command, single, resolver, oplog);
        }
        Set<Object> remaining = new TreeSet<>(indexNames(collection.getCollectionName()));
        List<Document> dropped = before.stream().filter(spec -> !remaining.contains(spec.get("name"))).toList();
        dropped.forEach(spec -> collection.forgetPreparedUnique(String.valueOf(spec.get("name"))));
        if (!dropped.isEmpty()) {
            record(ChangeDraft.dropIndexes(collection.namespace(), collection.getUuid(), dropped));
        }
        return new Document("nIndexesWas", before.size()).append("ok", 1.0);
    }

    private Document aggregate(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        List<Document> pipeline = PipelineStages.withAliasesRewritten((List<?>) query.get("pipeline"));
        if (!pipeline.isEmpty() && pipeline.get(0).containsKey("$collStats")) {
            return catalog.collStatsStage(String.valueOf(query.get(command)), pipeline, resolver);
        }
        if (UnionWith.presentIn(pipeline)) {
            String collection = String.valueOf(query.get(command));
            return queryCursors.firstBatch(CollectionCatalog.cursorReply(getFullCollectionNamespace(collection),
                aggregateAll(channel, collection, pipeline, resolver, oplog)), batchSizeOf(query.get("cursor")), false);
        }
        Document rewritten = query.clone();
        rewritten.put("pipeline", pipeline);
        Document complete = super.handleCommand(channel, command, rewritten, resolver, oplog);
        return queryCursors.firstBatch(complete, batchSizeOf(query.get("cursor")), false);
    }

    private Document find(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        Document unbatched = query.clone();
        unbatched.remove("batchSize");
        Document complete = super.handleCommand(channel, command, unbatched, resolver, oplog);
        int batchSize = query.get("batchSize") instanceof Number size ? size.intValue() : 0;
        return queryCursors.firstBatch(complete, batchSize, Boolean.TRUE.equals(query.get("singleBatch")));
    }

    private static int batchSizeOf(Object cursorOptions) {
        return cursorOptions instanceof Document options && options.get("batchSize") instanceof Number size ? size.intValue() : 0;
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        MongoCollection<?> collection = resolveCollection(collectionName, true);
        super.dropCollection(collectionName, oplog);
        if (collection instanceof EmulatedCollection dropped && !collectionName.startsWith("system.")) {
            record(ChangeDraft.drop(dropped.namespace(), dropped.getUuid()));
        }
    }

    @Override
    public void unregisterCollection(String collectionName) {
        super.unregisterCollection(collectionName);
        userCollections.remove(collectionName);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        if (!newCollectionName.startsWith("system.")) {
            userCollections.add(newCollectionName);
        }
    }

    /** The index specifications of a collection, {@code _id_} included, as {@code listIndexes} reports them. */
    List<Document> indexSpecs(String collectionName) {
        return catalog.indexDescriptions(collectionName);
    }

    EmulatedCollection requireCollection(Object collectionName, String message) {
        MongoCollection<?> collection = resolveCollection(String.valueOf(collectionName), false);
        if (collection == null || String.valueOf(collectionName).startsWith("system.")) {
            throw MongoErrors.NAMESPACE_NOT_FOUND.error(message + ": " + getFullCollectionNamespace(String.valueOf(collectionName)));
        }
        return (EmulatedCollection) collection;
    }

    Set<String> userCollectionNames() {
        return new TreeSet<>(userCollections);
    }

    boolean hasUserCollections() {
        return !userCollections.isEmpty() || !views.names().isEmpty();
    }

    ViewCatalog views() {
        return views;
    }

    /** A unique index of the library for the spec's keys, not attached to any collection. */
    Index<Integer> detachedUniqueIndex(String collectionName, Document spec) {
        List<IndexKey> keys = new ArrayList<>();
        ((Document) spec.get("key")).forEach((field, direction) ->
            keys.add(new IndexKey(field, !(direction instanceof Number number) || number.doubleValue() >= 0)));
        return openOrCreateUniqueIndex(collectionName, String.valueOf(spec.get("name")), keys, Boolean.TRUE.equals(spec.get("sparse")));
    }

    MongoCollection<Integer> indexCatalog() {
        return indexes.get();
    }

    private Set<String> indexNames(String collectionName) {
        Set<String> names = new TreeSet<>();
        catalog.indexDescriptions(collectionName).forEach(spec -> names.add(String.valueOf(spec.get("name"))));
        return names;
    }

    void record(ChangeDraft change) {
        if (!change.namespace().isInternalDatabase()) {
            changeLog.append(change);
        }
    }

    ChangeLog changeLog() {
        return changeLog;
    }
}
