package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;

/**
 * mongo-java-server's in-memory backend, extended to answer as a one-member replica set with a change log,
 * change streams, access control and write blocking. Commands it does not know still reach the library, which
 * refuses unknown ones.
 */
final class EmulatedBackend extends MemoryBackend {

    /** Collection commands that the library only routes to databases other than admin. */
    private static final Set<String> DATABASE_COMMANDS = Set.of("insert", "update", "delete", "find", "findandmodify",
        "count", "aggregate", "distinct", "create", "drop", "createindexes", "listcollections", "listindexes",
        "dropindexes", "dbstats", "collstats", "collmod");

    private final ClusterClock clock;
    private final ChangeLog changeLog;
    private final QueryCursors queryCursors;
    private final ServerCommands serverCommands;
    private final ChangeStreams changeStreams;
    private final ClusterCatalog clusterCatalog;
    private final AccessControl accessControl;
    private final AuthCommands authCommands;
    private final WriteBlocking writeBlocking = new WriteBlocking();
    private final DatabaseDrops databaseDrops = new DatabaseDrops();
    private final FailPoints failPoints = new FailPoints();
    private final RetryableWrites retryableWrites = new RetryableWrites();

    EmulatedBackend(ClusterClock clock, ReplicaSetIdentity identity, EmulatorOptions options) {
        super(clock.wallClock());
        this.clock = clock;
        this.changeLog = new ChangeLog(clock, options.historyLimits());
        this.queryCursors = new QueryCursors(getCursorRegistry()::generateCursorId);
        this.serverCommands = new ServerCommands(identity, clock, writeBlocking);
        this.changeStreams = new ChangeStreams(changeLog, new ChangeEventRenderer(this::findCurrent),
            getCursorRegistry()::generateCursorId, this::resolveDatabase);
        this.clusterCatalog = new ClusterCatalog(this::listDatabaseNames, name -> (EmulatedDatabase) resolveDatabase(name));
        UserStore users = new UserStore();
        this.accessControl = new AccessControl(options.auth().isPresent(), users);
        this.authCommands = new AuthCommands(users, accessControl);
        options.auth().ifPresent(userAndPassword -> {
            int colon = userAndPassword.indexOf(':');
            users.createUser("admin", userAndPassword.substring(0, colon), userAndPassword.substring(colon + 1),
                List.of(new UserStore.RoleRef("root", "admin")));
        });
    }

    @Override
    public EmulatedDatabase openOrCreateDatabase(String databaseName) {
        return new EmulatedDatabase(databaseName, getCursorRegistry(), changeLog, queryCursors);
    }

    ClusterClock clock() {
        return clock;
    }

    /**
     * Handles one OP_MSG. The reply may come later: a change-stream getMore waits for events, and the failCommand
     * fail point may delay a command; when the fail point closes the connection, the reply never comes.
     */
    CompletableFuture<Document> handleAsync(MongoMessage message) {
        Document query = message.getDocument();
        String command = query.keySet().iterator().next();
        Optional<FailPoints.Action> failure = failPoints.onCommand(command, query, serverCommands.applicationName(message.getChannel()));
        if (failure.isEmpty()) {
            return execute(message, command, query);
        }
        FailPoints.Action action = failure.get();
        Channel channel = message.getChannel();
        if (action.closeConnection()) {
            channel.close();
            return new CompletableFuture<>();
        }
        CompletableFuture<Void> delay = new CompletableFuture<>();
        channel.eventLoop().schedule(() -> delay.complete(null), action.blockMillis(), TimeUnit.MILLISECONDS);
        return delay.thenCompose(ignored -> action.errorReply() != null
            ? CompletableFuture.completedFuture(action.errorReply())
            : execute(message, command, query).thenApply(reply -> withWriteConcernError(reply, action.writeConcernError())));
    }

    private static Document withWriteConcernError(Document reply, Document writeConcernError) {
        if (writeConcernError == null) {
            return reply;
        }
        Document withError = reply.clone();
        Object labels = writeConcernError.get("errorLabels");
        Document error = writeConcernError.clone();
        error.remove("errorLabels");
        withError.put("writeConcernError", error);
        if (labels != null) {
            withError.put("errorLabels", labels);
        }
        return withError;
    }

    private CompletableFuture<Document> execute(MongoMessage message, String command, Document query) {
        try {
            if (command.equalsIgnoreCase("getMore") && changeStreams.owns(query.get(command))) {
                accessControl.authorize(message.getChannel(), message.getDatabaseName(), command, query);
                return changeStreams.getMore(query, message.getChannel().eventLoop());
            }
            return CompletableFuture.completedFuture(handleMessage(message));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Transactions.refuse(query);
        accessControl.authorize(channel, databaseName, command, query);
        writeBlocking.check(databaseName, command, query, accessControl.bypassesWriteBlocking(channel));
        if (authCommands.handles(command)) {
            return authCommands.handle(channel, databaseName, command, query);
        }
        if (serverCommands.handles(command)) {
            Document reply = serverCommands.handle(channel, databaseName, command, query);
            authCommands.describeMechanisms(query, reply);
            return reply;
        }
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "getmore" -> queryCursors.owns(query.get(command)) ? queryCursors.getMore(query)
                : super.handleCommand(channel, databaseName, command, query);
            case "serverstatus" -> serverCommands.serverStatus(getServerStatus());
            case "setuserwriteblockmode" -> writeBlocking.setMode(databaseName, query);
            case "configurefailpoint" -> failPoints.configure(databaseName, query);
            default -> databaseDrops.write(databaseName, command,
                () -> retryableWrites.execute(command, query, () -> dataCommand(channel, databaseName, command, query)));
        };
    }

    private Document dataCommand(Channel channel, String databaseName, String command, Document query) {
        if (ChangeStreams.isChangeStream(command, query)) {
            return changeStreams.open(databaseName, query);
        }
        if (databaseName.equals("admin") && command.equalsIgnoreCase("listDatabases")) {
            return clusterCatalog.listDatabases(query);
        }
        if (databaseName.equals("admin") && command.equalsIgnoreCase("renameCollection")) {
            return renameCollection(channel, databaseName, command, query);
        }
        if (databaseName.equals("admin") && DATABASE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            return resolveDatabase(databaseName).handleCommand(channel, command, query, this::resolveDatabase, oplog);
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    private Document renameCollection(Channel channel, String databaseName, String command, Document query) {
        ClusterCatalog.Rename rename = clusterCatalog.checkRename(query);
        Namespace from = rename.source().namespace();
        if (!from.database().equals(rename.to().database())) {
            CrossDatabaseRename steps = new CrossDatabaseRename(
                (database, step) -> dataCommand(channel, database, step.keySet().iterator().next(), step));
            return steps.run(rename.source(), (EmulatedDatabase) resolveDatabase(from.database()),
                (EmulatedDatabase) resolveDatabase(rename.to().database()), rename.to(), Boolean.TRUE.equals(query.get("dropTarget")));
        }
        Document reply = super.handleCommand(channel, databaseName, command, query);
        if (!from.isInternalDatabase()) {
            changeLog.append(rename.event(from));
        }
        return reply;
    }

    @Override
    public void dropDatabase(String databaseName) {
        databaseDrops.drop(databaseName, () -> {
            boolean hadCollections = clusterCatalog.existing(databaseName).map(EmulatedDatabase::hasUserCollections).orElse(false);
            super.dropDatabase(databaseName);
            Namespace namespace = new Namespace(databaseName, null);
            if (hadCollections && !namespace.isInternalDatabase()) {
                changeLog.append(ChangeDraft.dropDatabase(databaseName));
            }
        });
    }

    @Override
    protected Document handleKillCursors(Document query) {
        List<Object> killed = new ArrayList<>();
        List<Object> others = new ArrayList<>();
        for (Object id : (List<?>) query.get("cursors")) {
            if (id instanceof Number number && (changeStreams.kill(number.longValue()) || queryCursors.kill(number.longValue()))) {
                killed.add(number.longValue());
            } else {
                others.add(id);
            }
        }
        Document reply = super.handleKillCursors(new Document("killCursors", query.get("killCursors")).append("cursors", others));
        @SuppressWarnings("unchecked")
        List<Object> libraryKilled = (List<Object>) reply.get("cursorsKilled");
        killed.addAll(libraryKilled);
        reply.put("cursorsKilled", killed);
        return reply;
    }

    private Document findCurrent(Namespace namespace, Document documentKey) {
        MongoCollection<?> collection = clusterCatalog.existing(namespace.database())
            .map(database -> database.resolveCollection(namespace.collection(), false))
            .orElse(null);
        if (collection == null) {
            return null;
        }
        for (Document document : collection.handleQuery(documentKey)) {
            return document.cloneDeeply();
        }
        return null;
    }
}
