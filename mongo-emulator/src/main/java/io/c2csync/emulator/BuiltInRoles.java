package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.c2csync.emulator.Grant.Scope;

/** The built-in roles the sync and its tests use, with the privileges MongoDB 6.0 gives them. */
final class BuiltInRoles {

    private static final List<String> READ = List.of("find", "listCollections", "listIndexes", "dbStats", "collStats",
        "changeStream", "killCursors");
    private static final List<String> WRITE = List.of("insert", "update", "remove", "createCollection", "dropCollection",
        "createIndex", "dropIndex", "renameCollectionSameDB");
    private static final List<String> DB_ADMIN = List.of("collMod", "collStats", "dbStats", "createCollection",
        "createIndex", "dropIndex", "dropCollection", "dropDatabase", "listCollections", "listIndexes", "renameCollectionSameDB");
    private static final List<String> USER_ADMIN = List.of("createUser", "dropUser", "viewUser", "createRole", "dropRole", "viewRole");
    private static final List<String> CLUSTER_MONITOR = List.of("serverStatus", "replSetGetStatus", "getParameter", "listDatabases");

    private BuiltInRoles() {
    }

    /** The grants of built-in role {@code name} defined on {@code database}, if there is such a role. */
    static Optional<List<Grant>> grants(String name, String database) {
        boolean admin = database.equals("admin");
        List<Grant> grants = new ArrayList<>();
        switch (name) {
            case "root" -> grants.add(Grant.on(Scope.ANY_RESOURCE, "*"));
            case "read" -> onDatabase(grants, database, READ);
            case "readWrite" -> {
                onDatabase(grants, database, READ);
                onDatabase(grants, database, WRITE);
            }
            case "dbAdmin" -> onDatabase(grants, database, DB_ADMIN);
            case "userAdmin" -> onDatabase(grants, database, USER_ADMIN);
            case "dbOwner" -> {
                onDatabase(grants, database, READ);
                onDatabase(grants, database, WRITE);
                onDatabase(grants, database, DB_ADMIN);
                onDatabase(grants, database, USER_ADMIN);
            }
            default -> {
                if (!admin || !adminOnly(name, grants)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(List.copyOf(grants));
    }

    private static boolean adminOnly(String name, List<Grant> grants) {
        switch (name) {
            case "readAnyDatabase" -> {
                anyDatabase(grants, READ);
                cluster(grants, List.of("listDatabases"));
            }
            case "readWriteAnyDatabase" -> {
                anyDatabase(grants, READ);
                anyDatabase(grants, WRITE);
                cluster(grants, List.of("listDatabases"));
            }
            case "dbAdminAnyDatabase" -> {
                anyDatabase(grants, DB_ADMIN);
                cluster(grants, List.of("listDatabases"));
            }
            case "userAdminAnyDatabase" -> {
                anyDatabase(grants, USER_ADMIN);
                cluster(grants, List.of("listDatabases"));
            }
            case "clusterMonitor" -> {
                cluster(grants, CLUSTER_MONITOR);
                anyDatabase(grants, List.of("dbStats", "collStats", "listCollections", "listIndexes"));
            }
            case "clusterManager" -> {
                cluster(grants, CLUSTER_MONITOR);
                cluster(grants, List.of("setUserWriteBlockMode", "killAnySession"));
                anyDatabase(grants, List.of("dbStats", "collStats", "listCollections", "listIndexes"));
            }
            case "backup" -> {
                anyDatabase(grants, READ);
                cluster(grants, List.of("listDatabases", "serverStatus", "getParameter"));
            }
            case "restore" -> {
                anyDatabase(grants, READ);
                anyDatabase(grants, WRITE);
                anyDatabase(grants, List.of("collMod", "bypassDocumentValidation"));
                cluster(grants, List.of("listDatabases", "bypassWriteBlockingMode", "getParameter"));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void onDatabase(List<Grant> grants, String database, List<String> actions) {
        actions.forEach(action -> grants.add(Grant.onDatabase(database, action)));
    }

    private static void anyDatabase(List<Grant> grants, List<String> actions) {
        actions.forEach(action -> grants.add(Grant.on(Scope.ANY_DATABASE, action)));
    }

    private static void cluster(List<Grant> grants, List<String> actions) {
        actions.forEach(action -> grants.add(Grant.on(Scope.CLUSTER, action)));
    }
}
