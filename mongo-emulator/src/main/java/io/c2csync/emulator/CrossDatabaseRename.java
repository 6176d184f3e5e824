package io.c2csync.emulator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A {@code renameCollection} to another database, step by step as MongoDB's {@code renameBetweenDBs}
 * (src/mongo/db/catalog/rename_collection.cpp): a temporary collection {@code tmpXXXXX.renameCollection} of the
 * target database is created with the source's options (and so a new UUID), gets the source's indexes (one
 * {@code createIndexes} per index) and then every document (ordinary inserts), is renamed to the target within the
 * target database (honouring {@code dropTarget}), and finally the source is dropped. Each step is an ordinary command,
 * so change streams see its ordinary events.
 */
final class CrossDatabaseRename {

    /** Runs one command against a database, without the client-facing checks (authorization, retries). */
    @FunctionalInterface
    interface CommandRunner {
        Document run(String databaseName, Document command);
    }

    private static final String ALPHANUMERICS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandRunner commands;

    CrossDatabaseRename(CommandRunner commands) {
        this.commands = commands;
    }

    Document run(EmulatedCollection source, EmulatedDatabase sourceDatabase, EmulatedDatabase targetDatabase,
                 Namespace to, boolean dropTarget) {
        String temporary = temporaryName(targetDatabase);
        Document create = new Document("create", temporary);
        create.putAll(source.options());
        commands.run(to.database(), create);
        for (Document index : sourceDatabase.indexSpecs(source.getCollectionName())) {
            if (!"_id_".equals(index.get("name"))) {
                commands.run(to.database(), new Document("createIndexes", temporary).append("indexes", List.of(index)));
            }
        }
        List<Document> documents = new ArrayList<>();
        source.handleQuery(new Document()).forEach(document -> documents.add(document.cloneDeeply()));
        if (!documents.isEmpty()) {
            commands.run(to.database(), new Document("insert", temporary).append("documents", documents)
                .append("bypassDocumentValidation", true));
        }
        commands.run("admin", new Document("renameCollection", to.database() + "." + temporary)
            .append("to", to.database() + "." + to.collection()).append("dropTarget", dropTarget));
        commands.run(sourceDatabase.getDatabaseName(), new Document("drop", source.getCollectionName()));
        return new Document("ok", 1.0);
    }

    private static String temporaryName(EmulatedDatabase database) {
        String name;
        do {
            StringBuilder random = new StringBuilder("tmp");
            for (int i = 0; i < 5; i++) {
                random.append(ALPHANUMERICS.charAt(RANDOM.nextInt(ALPHANUMERICS.length())));
            }
            name = random.append(".renameCollection").toString();
        } while (database.resolveCollection(name, false) != null || database.views().isView(name));
        return name;
    }
}
