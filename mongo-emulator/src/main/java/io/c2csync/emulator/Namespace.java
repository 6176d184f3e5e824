package io.c2csync.emulator;

import de.bwaldvogel.mongo.bson.Document;

/** A database and, except for database-wide events, a collection. */
record Namespace(String database, String collection) {

    Document toDocument() {
        Document ns = new Document("db", database);
        if (collection != null) {
            ns.put("coll", collection);
        }
        return ns;
    }

    boolean isInternalDatabase() {
        return database.equals("admin") || database.equals("config") || database.equals("local");
    }
}
