package io.c2csync.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** What this single-member replica set says about itself: hello, buildInfo and replSetGetStatus. */
final class ReplicaSetIdentity {

    static final String VERSION = "7.0.14";
    /** The wire version of each release series the emulator can claim to be. */
    private static final Map<String, Integer> MAX_WIRE_VERSIONS = Map.of("4.4", 9, "5.0", 13, "6.0", 17, "7.0", 21);
    static final int MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
    static final int MAX_MESSAGE_SIZE_BYTES = 48_000_000;
    static final int MAX_WRITE_BATCH_SIZE = 100_000;
    static final int LOGICAL_SESSION_TIMEOUT_MINUTES = 30;
    private static final long TERM = 1L;

    private final String member;
    private final String setName;
    private final boolean standalone;
    private final String version;
    private final ObjectId electionId = new ObjectId();
    private final Instant started;

    ReplicaSetIdentity(String host, int port, EmulatorOptions options, Instant started) {
        this.member = host + ":" + port;
        this.setName = options.replicaSetName();
        this.standalone = options.standalone();
        this.version = options.serverVersion();
        this.started = started;
    }

    static void requireKnownVersion(String version) {
        if (version == null || !version.matches("\\d+\\.\\d+\\.\\d+") || !MAX_WIRE_VERSIONS.containsKey(series(version))) {
            throw new IllegalArgumentException("serverVersion must be x.y.z of one of " + MAX_WIRE_VERSIONS.keySet()
                + ", got '" + version + "'");
        }
    }

    private static String series(String version) {
        return version.substring(0, version.indexOf('.', version.indexOf('.') + 1));
    }

    String version() {
        return version;
    }

    String member() {
        return member;
    }

    /**
     * The reply to {@code hello} and {@code isMaster}. Deliberately without {@code topologyVersion}: drivers
     * switch to streaming (exhaust) monitoring when they see it, which this server does not support.
     */
    Document hello(boolean legacyName, BsonTimestamp lastWrite, Instant now, long connectionId) {
        Document reply = new Document();
        reply.put(legacyName ? "ismaster" : "isWritablePrimary", Boolean.TRUE);
        reply.put("helloOk", Boolean.TRUE);
        if (!standalone) {
            reply.put("hosts", List.of(member));
            reply.put("setName", setName);
            reply.put("setVersion", 1);
            reply.put("secondary", Boolean.FALSE);
            reply.put("primary", member);
            reply.put("me", member);
            reply.put("electionId", electionId);
            reply.put("lastWrite", lastWrite(lastWrite));
        }
        reply.put("maxBsonObjectSize", MAX_BSON_OBJECT_SIZE);
        reply.put("maxMessageSizeBytes", MAX_MESSAGE_SIZE_BYTES);
        reply.put("maxWriteBatchSize", MAX_WRITE_BATCH_SIZE);
        reply.put("localTime", now);
        reply.put("logicalSessionTimeoutMinutes", LOGICAL_SESSION_TIMEOUT_MINUTES);
        reply.put("connectionId", connectionId);
        reply.put("minWireVersion", 0);
        reply.put("maxWireVersion", MAX_WIRE_VERSIONS.get(series(version)));
        reply.put("readOnly", Boolean.FALSE);
        reply.put("ok", 1.0);
        return reply;
    }

    Document buildInfo() {
        Document reply = new Document("version", version);
        reply.put("gitVersion", "c2c-sync-emulator");
        List<Integer> versionArray = new ArrayList<>();
        for (String part : version.split("\\.")) {
            versionArray.add(Integer.parseInt(part));
        }
        versionArray.add(0);
        reply.put("versionArray", versionArray);
        reply.put("javascriptEngine", "none");
        reply.put("bits", 64);
        reply.put("debug", Boolean.FALSE);
        reply.put("maxBsonObjectSize", MAX_BSON_OBJECT_SIZE);
        reply.put("storageEngines", List.of("inMemory"));
        reply.put("modules", List.of());
        reply.put("ok", 1.0);
        return reply;
    }

    Document replSetGetStatus(BsonTimestamp lastWrite, Instant now) {
        Document self = new Document("_id", 0);
        self.put("name", member);
        self.put("health", 1.0);
        self.put("state", 1);
        self.put("stateStr", "PRIMARY");
        self.put("uptime", (int) java.time.Duration.between(started, now).getSeconds());
        self.put("optime", opTime(lastWrite));
        self.put("optimeDate", instantOf(lastWrite));
        self.put("electionTime", new BsonTimestamp(started, 1));
        self.put("electionDate", started);
        self.put("self", Boolean.TRUE);

        Document reply = new Document("set", setName);
        reply.put("date", now);
        reply.put("myState", 1);
        reply.put("term", TERM);
        reply.put("heartbeatIntervalMillis", 2000L);
        reply.put("optimes", new Document("lastCommittedOpTime", opTime(lastWrite))
            .append("appliedOpTime", opTime(lastWrite))
            .append("durableOpTime", opTime(lastWrite)));
        reply.put("members", List.of(self));
        reply.put("ok", 1.0);
        return reply;
    }

    /** The {@code repl} section of {@code serverStatus}. */
    Document replSection(BsonTimestamp lastWrite) {
        Document repl = new Document("isWritablePrimary", Boolean.TRUE);
        repl.put("secondary", Boolean.FALSE);
        repl.put("setName", setName);
        repl.put("setVersion", 1);
        repl.put("hosts", List.of(member));
        repl.put("primary", member);
        repl.put("me", member);
        repl.put("electionId", electionId);
        repl.put("lastWrite", lastWrite(lastWrite));
        return repl;
    }

    private static Document lastWrite(BsonTimestamp lastWrite) {
        Instant date = instantOf(lastWrite);
        return new Document("opTime", opTime(lastWrite))
            .append("lastWriteDate", date)
            .append("majorityOpTime", opTime(lastWrite))
            .append("majorityWriteDate", date);
    }

    private static Document opTime(BsonTimestamp timestamp) {
        return new Document("ts", timestamp).append("t", TERM);
    }

    private static Instant instantOf(BsonTimestamp timestamp) {
        return Instant.ofEpochSecond(Integer.toUnsignedLong(timestamp.getTime()));
    }
}
