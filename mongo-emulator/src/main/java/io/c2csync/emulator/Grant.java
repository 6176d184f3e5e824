package io.c2csync.emulator;

import de.bwaldvogel.mongo.bson.Document;

/** One privilege: an action on a resource, as in a role's {@code privileges}. */
record Grant(String action, Scope scope, String database, String collection) {

    enum Scope { ANY_RESOURCE, CLUSTER, ANY_DATABASE, DATABASE, COLLECTION }

    static Grant on(Scope scope, String action) {
        return new Grant(action, scope, null, null);
    }

    static Grant onDatabase(String database, String action) {
        return new Grant(action, Scope.DATABASE, database, null);
    }

    /** Parses a privilege's {@code resource} document for each of its actions' grants. */
    static Grant of(Document resource, String action) {
        if (Boolean.TRUE.equals(resource.get("anyResource"))) {
            return on(Scope.ANY_RESOURCE, action);
        }
        if (Boolean.TRUE.equals(resource.get("cluster"))) {
            return on(Scope.CLUSTER, action);
        }
        Object db = resource.get("db");
        Object collection = resource.get("collection");
        if (!(db instanceof String database) || !(collection instanceof String coll)) {
            throw MongoErrors.BAD_VALUE.error("a privilege resource needs {cluster: true}, {anyResource: true} or"
                + " string 'db' and 'collection' fields, got " + resource);
        }
        if (database.isEmpty()) {
            return on(Scope.ANY_DATABASE, action);
        }
        return coll.isEmpty() ? onDatabase(database, action) : new Grant(action, Scope.COLLECTION, database, coll);
    }

    /** The privilege's resource document, as roles and {@code connectionStatus} show it. */
    Document resource() {
        return switch (scope) {
            case ANY_RESOURCE -> new Document("anyResource", true);
            case CLUSTER -> new Document("cluster", true);
            case ANY_DATABASE -> new Document("db", "").append("collection", "");
            case DATABASE -> new Document("db", database).append("collection", "");
            case COLLECTION -> new Document("db", database).append("collection", collection);
        };
    }

    /** The action as MongoDB names it; the emulator's root grant of every action is MongoDB's {@code anyAction}. */
    String actionName() {
        return scope == Scope.ANY_RESOURCE && action.equals("*") ? "anyAction" : action;
    }

    /**
     * Whether this grant allows {@code requested}: an action on the cluster ({@code database == null}) or on a
     * database or collection ({@code collection == null} for the whole database).
     */
    boolean allows(String requestedAction, String requestedDatabase, String requestedCollection) {
        if (scope != Scope.ANY_RESOURCE && !action.equals(requestedAction)) {
            return false;
        }
        return switch (scope) {
            case ANY_RESOURCE -> true;
            case CLUSTER -> requestedDatabase == null;
            case ANY_DATABASE -> requestedDatabase != null && !requestedDatabase.equals("local") && !requestedDatabase.equals("config");
            case DATABASE -> database.equals(requestedDatabase);
            case COLLECTION -> database.equals(requestedDatabase) && collection.equals(requestedCollection);
        };
    }
}
