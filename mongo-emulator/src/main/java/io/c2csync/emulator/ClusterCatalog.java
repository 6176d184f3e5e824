package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;

/** The cluster-wide catalog commands: listDatabases without phantom databases, and renameCollection checks. */
final class ClusterCatalog {

    private static final Set<String> ALWAYS_LISTED = Set.of("admin", "config", "local");

    private final Supplier<Set<String>> databaseNames;
    private final Function<String, EmulatedDatabase> databases;

    ClusterCatalog(Supplier<Set<String>> databaseNames, Function<String, EmulatedDatabase> databases) {
        this.databaseNames = databaseNames;
        this.databases = databases;
    }

    Optional<EmulatedDatabase> existing(String databaseName) {
        return databaseNames.get().contains(databaseName) ? Optional.of(databases.apply(databaseName)) : Optional.empty();
    }

    Document listDatabases(Document query) {
        Document filter = query.get("filter") instanceof Document given ? given : null;
        boolean nameOnly = Boolean.TRUE.equals(query.get("nameOnly"));
        Set<String> names = new TreeSet<>(ALWAYS_LISTED);
        for (String name : databaseNames.get()) {
            if (existing(name).map(EmulatedDatabase::hasUserCollections).orElse(false)) {
                names.add(name);
            }
        }
        DefaultQueryMatcher matcher = new DefaultQueryMatcher();
        List<Document> listed = new ArrayList<>();
        long totalSize = 0;
        for (String name : names) {
            long size = existing(name).map(ClusterCatalog::dataSize).orElse(0L);
            Document entry = new Document("name", name).append("sizeOnDisk", size).append("empty", size == 0);
            if (filter == null || matcher.matches(entry, filter)) {
                listed.add(nameOnly ? new Document("name", name) : entry);
                totalSize += size;
            }
        }
        Document reply = new Document("databases", listed);
        if (!nameOnly) {
            reply.put("totalSize", totalSize);
            reply.put("totalSizeMb", totalSize / (1024 * 1024));
        }
        reply.put("ok", 1.0);
        return reply;
    }

    /**
     * Checks a {@code renameCollection} as MongoDB does before the library moves the collection.
     *
     * @return the collection being renamed and the UUID of the target it replaces, if any
     */
    Rename checkRename(Document command) {
        Namespace from = Namespace.parse(command.get("renameCollection"));
        Namespace to = Namespace.parse(command.get("to"));
        if (from.equals(to)) {
            throw MongoErrors.ILLEGAL_OPERATION.error("Can't rename a collection to itself");
        }
        EmulatedCollection source = collection(from).orElseThrow(() -> MongoErrors.NAMESPACE_NOT_FOUND.error(
            "Source collection " + from.database() + "." + from.collection() + " does not exist"));
        Optional<EmulatedCollection> target = collection(to);
        if (target.isPresent() && !Boolean.TRUE.equals(command.get("dropTarget"))) {
            throw MongoErrors.NAMESPACE_EXISTS.error("target namespace exists");
        }
        return new Rename(source, to, target.map(MongoCollection::getUuid).orElse(null));
    }

    private Optional<EmulatedCollection> collection(Namespace namespace) {
        return existing(namespace.database())
            .map(database -> database.resolveCollection(namespace.collection(), false))
            .filter(EmulatedCollection.class::isInstance)
            .map(EmulatedCollection.class::cast);
    }

    private static long dataSize(EmulatedDatabase database) {
        long size = 0;
        for (String name : database.userCollectionNames()) {
            MongoCollection<?> collection = database.resolveCollection(name, false);
            if (collection != null) {
                size += ((Number) collection.getStats().get("size")).longValue();
            }
        }
        return size;
    }

    record Rename(EmulatedCollection source, Namespace to, java.util.UUID droppedTarget) {
        ChangeDraft event(Namespace from) {
            return ChangeDraft.rename(from, source.getUuid(), to, droppedTarget);
        }
    }
}
