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

    /** The database of a {@code db.collection} name, or the whole text if it names just a database. */
    static String databaseOf(Object namespace) {
        String text = String.valueOf(namespace);
        int dot = text.indexOf('.');
        return dot < 0 ? text : text.substring(0, dot);
    }

    /** Parses {@code db.collection}, refusing anything else with 73 InvalidNamespace. */
    static Namespace parse(Object namespace) {
        String text = String.valueOf(namespace);
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw MongoErrors.INVALID_NAMESPACE.error("Invalid namespace specified '" + text + "'");
        }
        return new Namespace(text.substring(0, dot), text.substring(dot + 1));
    }

    boolean isInternalDatabase() {
        return database.equals("admin") || database.equals("config") || database.equals("local");
    }
}
