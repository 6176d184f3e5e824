package io.c2csync.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/** {@code setUserWriteBlockMode}: while on, user writes and DDL outside admin/config/local fail with 371. */
final class WriteBlocking {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop",
        "createindexes", "dropindexes", "collmod", "renamecollection", "dropdatabase");
    private static final Set<String> INTERNAL_DATABASES = Set.of("admin", "config", "local");

    private volatile boolean global;

    boolean global() {
        return global;
    }

    Document setMode(String database, Document command) {
        if (!database.equals("admin")) {
            throw MongoErrors.UNAUTHORIZED.error("setUserWriteBlockMode may only be run against the admin database.");
        }
        if (!(command.get("global") instanceof Boolean mode)) {
            throw MongoErrors.BAD_VALUE.error("setUserWriteBlockMode requires a boolean 'global' field, got " + command.get("global"));
        }
        global = mode;
        return new Document("ok", 1.0);
    }

    void check(String database, String command, Document query, boolean bypass) {
        if (!global || bypass || !isUserWrite(database, command, query)) {
            return;
        }
        throw MongoErrors.USER_WRITES_BLOCKED.error("User writes blocked");
    }

    private static boolean isUserWrite(String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("renamecollection")) {
            return !INTERNAL_DATABASES.contains(Namespace.databaseOf(query.get(command))) || !INTERNAL_DATABASES.contains(Namespace.databaseOf(query.get("to")));
        }
        if (INTERNAL_DATABASES.contains(database)) {
            return false;
        }
        if (name.equals("aggregate")) {
            return query.get("pipeline") instanceof List<?> stages && stages.stream()
                .anyMatch(stage -> stage instanceof Document document && (document.containsKey("$out") || document.containsKey("$merge")));
        }
        return WRITES.contains(name);
    }
}
