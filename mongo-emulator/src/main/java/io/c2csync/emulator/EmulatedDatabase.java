package io.c2csync.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/** An in-memory database whose collections record their changes in the replica set's change log. */
final class EmulatedDatabase extends MemoryDatabase {

    private final ChangeLog changeLog;
    private final Map<String, Document> createOptions = new ConcurrentHashMap<>();

    EmulatedDatabase(String databaseName, CursorRegistry cursorRegistry, ChangeLog changeLog) {
        super(databaseName, cursorRegistry);
        this.changeLog = changeLog;
    }

    @Override
    protected EmulatedCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new EmulatedCollection(this, collectionName, options, cursorRegistry);
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (command.equalsIgnoreCase("update")) {
            PipelineUpdates.refuseIn(query);
        }
        Document reply = super.handleCommand(channel, command, query, databaseResolver, oplog);
        if (command.equalsIgnoreCase("create")) {
            createOptions.put(query.get(command).toString(), query);
        } else if (command.equalsIgnoreCase("drop")) {
            createOptions.remove(query.get(command).toString());
        }
        return reply;
    }

    ChangeLog changeLog() {
        return changeLog;
    }

    boolean preAndPostImagesEnabled(String collectionName) {
        Document options = createOptions.get(collectionName);
        return options != null && options.get("changeStreamPreAndPostImages") instanceof Document images
            && Boolean.TRUE.equals(images.get("enabled"));
    }
}
