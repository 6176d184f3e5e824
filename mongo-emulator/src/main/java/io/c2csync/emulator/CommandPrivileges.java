package io.c2csync.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/** Which privileges each command needs, as MongoDB's authorization checks them (simplified to the main action). */
final class CommandPrivileges {

    /** An action on the cluster ({@code database == null}), a database ({@code collection == null}) or a collection. */
    record Requirement(String action, String database, String collection) {
    }

    /** Commands any client may run, authenticated or not. */
    static final Set<String> UNAUTHENTICATED = Set.of("hello", "ismaster", "buildinfo", "saslstart", "saslcontinue",
        "ping", "logout", "endsessions", "whatsmyuri", "connectionstatus", "getlasterror");
    /** Commands any authenticated client may run. */
    private static final Set<String> AUTHENTICATED = Set.of("getmore", "killcursors", "startsession", "refreshsessions",
        "killsessions", "usersinfo");
    /** An action no grant but {@code anyResource} (root) covers: for commands without a mapping. */
    private static final String ANY_ACTION = "anyAction";

    private CommandPrivileges() {
    }

    static boolean needsNoAuthentication(String command) {
        return UNAUTHENTICATED.contains(command.toLowerCase(Locale.ROOT));
    }

    static List<Requirement> required(String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (AUTHENTICATED.contains(name)) {
            return List.of();
        }
        String collection = query.get(command) instanceof String target ? target : null;
        return switch (name) {
            case "find", "count", "distinct" -> List.of(on("find", database, collection));
            case "aggregate" -> aggregate(database, collection, query);
            case "insert" -> List.of(on("insert", database, collection));
            case "update" -> List.of(on("update", database, collection));
            case "delete" -> List.of(on("remove", database, collection));
            case "findandmodify" -> List.of(on(Boolean.TRUE.equals(query.get("remove")) ? "remove" : "update", database, collection));
            case "create" -> List.of(on("createCollection", database, collection));
            case "drop" -> List.of(on("dropCollection", database, collection));
            case "createindexes" -> List.of(on("createIndex", database, collection));
            case "dropindexes" -> List.of(on("dropIndex", database, collection));
            case "collmod" -> List.of(on("collMod", database, collection));
            case "listcollections" -> List.of(on("listCollections", database, null));
            case "listindexes" -> List.of(on("listIndexes", database, collection));
            case "dbstats" -> List.of(on("dbStats", database, null));
            case "collstats" -> List.of(on("collStats", database, collection));
            case "dropdatabase" -> List.of(on("dropDatabase", database, null));
            case "renamecollection" -> List.of(on("renameCollectionSameDB", Namespace.databaseOf(query.get(command)), null),
                on("renameCollectionSameDB", Namespace.databaseOf(query.get("to")), null));
            case "listdatabases" -> List.of(cluster("listDatabases"));
            case "replsetgetstatus", "serverstatus", "getparameter", "setuserwriteblockmode" -> List.of(cluster(command));
            case "killallsessions", "killallsessionsbypattern" -> List.of(cluster("killAnySession"));
            case "createuser" -> List.of(on("createUser", database, null));
            case "dropuser" -> List.of(on("dropUser", database, null));
            case "createrole" -> List.of(on("createRole", database, null));
            case "droprole" -> List.of(on("dropRole", database, null));
            default -> List.of(cluster(ANY_ACTION));
        };
    }

    private static List<Requirement> aggregate(String database, String collection, Document query) {
        if (ChangeStreams.isChangeStream("aggregate", query)) {
            return List.of(on("changeStream", database, collection), on("find", database, collection));
        }
        boolean writes = query.get("pipeline") instanceof List<?> stages && stages.stream()
            .anyMatch(stage -> stage instanceof Document document && (document.containsKey("$out") || document.containsKey("$merge")));
        return writes ? List.of(on("find", database, collection), on("insert", database, null), on("remove", database, null))
            : List.of(on("find", database, collection));
    }

    private static Requirement on(String action, String database, String collection) {
        return new Requirement(action, database, collection);
    }

    private static Requirement cluster(String action) {
        return new Requirement(action, null, null);
    }
}
