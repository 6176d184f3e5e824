package io.c2csync.emulator;

/** Which events a change stream sees: the whole cluster, one database, or one collection. */
record ChangeStreamScope(String database, String collection) {

    static ChangeStreamScope cluster() {
        return new ChangeStreamScope(null, null);
    }

    boolean includes(Namespace namespace) {
        if (namespace.isInternalDatabase()) {
            return false;
        }
        if (database == null) {
            return true;
        }
        if (!database.equals(namespace.database())) {
            return false;
        }
        if (collection == null) {
            return namespace.collection() == null || !namespace.collection().startsWith("system.");
        }
        return collection.equals(namespace.collection());
    }

    /** Whether this change ends a stream of this scope: its collection dropped or renamed, its database dropped. */
    boolean invalidatedBy(ChangeDraft change) {
        Namespace namespace = change.namespace();
        return switch (change.operationType()) {
            case DROP, RENAME -> collection != null && collection.equals(namespace.collection())
                && database.equals(namespace.database());
            case DROP_DATABASE -> database != null && collection == null && database.equals(namespace.database());
            default -> false;
        };
    }

    /** The {@code ns} MongoDB reports for the stream's cursor. */
    String cursorNamespace() {
        if (database == null) {
            return "admin.$cmd.aggregate";
        }
        return collection == null ? database + ".$cmd.aggregate" : database + "." + collection;
    }
}
