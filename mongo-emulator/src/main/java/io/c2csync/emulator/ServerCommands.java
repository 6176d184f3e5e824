package io.c2csync.emulator;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * The replica-set identity, session and server-status commands that stock mongo-java-server lacks or answers
 * as a standalone server.
 */
final class ServerCommands {

    private static final AttributeKey<Long> CONNECTION_ID = AttributeKey.valueOf("c2c.connectionId");
    private static final AttributeKey<String> APPLICATION_NAME = AttributeKey.valueOf("c2c.applicationName");
    private static final Set<String> SESSION_COMMANDS =
        Set.of("endsessions", "killallsessions", "killsessions", "refreshsessions", "killallsessionsbypattern");
    private static final Map<String, Object> PARAMETERS = Map.of(
        "featureCompatibilityVersion", new Document("version", "7.0"),
        "transactionLifetimeLimitSeconds", 60,
        "authenticationMechanisms", java.util.List.of("SCRAM-SHA-1", "SCRAM-SHA-256"));

    private final ReplicaSetIdentity identity;
    private final ClusterClock clock;
    private final WriteBlocking writeBlocking;
    private final AtomicLong connectionIds = new AtomicLong();

    ServerCommands(ReplicaSetIdentity identity, ClusterClock clock, WriteBlocking writeBlocking) {
        this.identity = identity;
        this.clock = clock;
        this.writeBlocking = writeBlocking;
    }

    boolean handles(String command) {
        String name = command.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "hello", "ismaster", "buildinfo", "getparameter", "replsetgetstatus", "startsession" -> true;
            default -> SESSION_COMMANDS.contains(name);
        };
    }

    Document handle(Channel channel, String databaseName, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (query.get("client") instanceof Document client && client.get("application") instanceof Document application
            && application.get("name") instanceof String applicationName) {
            channel.attr(APPLICATION_NAME).set(applicationName);
        }
        return switch (name) {
            case "hello" -> identity.hello(false, clock.current(), clock.wallClock().instant(), connectionId(channel));
            case "ismaster" -> identity.hello(true, clock.current(), clock.wallClock().instant(), connectionId(channel));
            case "buildinfo" -> identity.buildInfo();
            case "getparameter" -> adminOnly(databaseName, command, () -> getParameter(query));
            case "replsetgetstatus" -> adminOnly(databaseName, command,
                () -> identity.replSetGetStatus(clock.current(), clock.wallClock().instant()));
            case "startsession" -> startSession();
            default -> ok();
        };
    }

    /** Adds the {@code repl} section a replica-set member reports to the library's server status. */
    Document serverStatus(Document libraryStatus) {
        Document status = libraryStatus.clone();
        status.put("version", identity.version());
        status.put("repl", identity.replSection(clock.current()));
        status.put("userWriteBlockMode", writeBlockMode());
        return status;
    }

    /** The application name the client gave in its handshake, or null. */
    String applicationName(Channel channel) {
        return channel.attr(APPLICATION_NAME).get();
    }

    private long connectionId(Channel channel) {
        Long id = channel.attr(CONNECTION_ID).setIfAbsent(connectionIds.incrementAndGet());
        return id != null ? id : channel.attr(CONNECTION_ID).get();
    }

    private Document getParameter(Document query) {
        Object selector = query.get("getParameter");
        boolean all = "*".equals(selector) || Boolean.TRUE.equals(asDocument(selector).get("allParameters"));
        Map<String, Object> parameters = new java.util.HashMap<>(PARAMETERS);
        parameters.put("userWriteBlockMode", writeBlockMode());
        Document reply = new Document();
        if (all) {
            reply.putAll(parameters);
        } else {
            for (String key : query.keySet()) {
                if (key.equals("getParameter") || key.startsWith("$") || key.equals("lsid") || key.equals("comment")) {
                    continue;
                }
                if (!parameters.containsKey(key)) {
                    throw MongoErrors.INVALID_OPTIONS.error("no option found to get: " + key);
                }
                reply.put(key, parameters.get(key));
            }
            if (reply.isEmpty()) {
                throw MongoErrors.INVALID_OPTIONS.error("no option found to get");
            }
        }
        reply.put("ok", 1.0);
        return reply;
    }

    private Document writeBlockMode() {
        return new Document("global", writeBlocking.global());
    }

    private static Document asDocument(Object value) {
        return value instanceof Document document ? document : new Document();
    }

    private static Document startSession() {
        Document reply = new Document("id", new Document("id", UUID.randomUUID()));
        reply.put("timeoutMinutes", ReplicaSetIdentity.LOGICAL_SESSION_TIMEOUT_MINUTES);
        reply.put("ok", 1.0);
        return reply;
    }

    private static Document adminOnly(String databaseName, String command, java.util.function.Supplier<Document> reply) {
        if (!databaseName.equals("admin")) {
            throw MongoErrors.UNAUTHORIZED.error(command + " may only be run against the admin database.");
        }
        return reply.get();
    }

    private static Document ok() {
        return new Document("ok", 1.0);
    }
}
