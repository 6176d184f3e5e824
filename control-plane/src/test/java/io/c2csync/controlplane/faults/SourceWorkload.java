package io.c2csync.controlplane.faults;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * An application writing to one cluster in the background as the application user, at a modest paced rate,
 * across several databases and collections: inserts, updates of every shape, replacements, upserts, deletes and now
 * and then DDL (create, createIndex, rename within the database, drop). It rides out faults: a network error or an
 * unreachable cluster makes it retry the same operation; the write-blocking error 371 (the commit blocked the
 * cluster) stops it, that being the application's last write. Any other error stops it too and is rethrown by
 * {@link #stop()}.
 */
public final class SourceWorkload implements AutoCloseable {
    private static final int USER_WRITES_BLOCKED = 371;
    private static final int DUPLICATE_KEY = 11000;
    private static final int NAMESPACE_NOT_FOUND = 26;
    private static final int NAMESPACE_EXISTS = 48;
    /** Errors of a cluster that is down or unreachable for a while, which the application retries. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602,
            13435, 13436);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final int DDL_EVERY = 100;
    /** Temporary collections per database at most: the DDL creates, renames and drops them in turn. */
    private static final int TEMPORARY_AT_MOST = 2;

    /** What the workload does; DDL is one of the last four. */
    public enum Op {
        INSERT, SET_NESTED, UNSET, INC, PUSH, PULL, POP, TRUNCATE_ARRAY, RENAME_FIELD, REPLACE, PIPELINE_UPDATE, UPSERT,
        DELETE, CREATE_COLLECTION, CREATE_INDEX, RENAME_COLLECTION, DROP_COLLECTION
    }

    private static final List<Op> DATA_OPS = List.of(Op.INSERT, Op.INSERT, Op.INSERT, Op.SET_NESTED, Op.UNSET, Op.INC,
            Op.PUSH, Op.PULL, Op.POP, Op.TRUNCATE_ARRAY, Op.RENAME_FIELD, Op.REPLACE, Op.PIPELINE_UPDATE, Op.UPSERT,
            Op.DELETE);
    private static final String RENAMED = "-renamed";
    private static final List<Op> DDL_OPS = List.of(Op.CREATE_COLLECTION, Op.CREATE_INDEX, Op.RENAME_COLLECTION,
            Op.DROP_COLLECTION);

    /**
     * @param idPrefix         makes this workload's ids and temporary collection names its own (e.g. one per cluster)
     * @param seedPerCollection documents each collection gets before the background writing starts
     */
    public record Settings(List<String> databases, int collectionsPerDatabase, int opsPerSecond, String idPrefix,
            int seedPerCollection, long randomSeed) {
        /** {@code shop} and {@code crm}, three collections each, 50 operations per second, 20 documents each first. */
        public static Settings defaults(String idPrefix) {
            return new Settings(List.of("shop", "crm"), 3, 50, idPrefix, 20, 7);
        }

        public Settings withOpsPerSecond(int rate) {
            return new Settings(databases, collectionsPerDatabase, rate, idPrefix, seedPerCollection, randomSeed);
        }
    }

    private final MongoClient client;
    private final Settings settings;
    private final Random random;
    /** Collection (db.coll) → how many ids were handed out in it; the temporary ones come and go. */
    private final Map<String, Long> nextId = new LinkedHashMap<>();
    private final Map<String, Deque<String>> temporary = new LinkedHashMap<>();
    private final Map<Op, AtomicLong> done = new EnumMap<>(Op.class);
    private final AtomicLong retries = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Instant blockedAt;
    private volatile RuntimeException failure;
    private int ddlTurn;
    private int temporaryCount;

    private SourceWorkload(MongoClient client, Settings settings) {
        this.client = client;
        this.settings = settings;
        this.random = new Random(settings.randomSeed());
        for (Op op : Op.values()) {
            done.put(op, new AtomicLong());
        }
        for (String database : settings.databases()) {
            for (int i = 0; i < settings.collectionsPerDatabase(); i++) {
                nextId.put(database + ".c" + i, 0L);
            }
            temporary.put(database, new ArrayDeque<>());
        }
        this.thread = new Thread(this::writeUntilStopped, "source-workload-" + settings.idPrefix());
        this.thread.setDaemon(true);
    }

    /** Seeds every collection (synchronously), then writes in the background until stopped or blocked. */
    public static SourceWorkload start(MongoClient applicationClient, Settings settings) {
        SourceWorkload workload = new SourceWorkload(applicationClient, settings);
        for (String namespace : List.copyOf(workload.nextId.keySet())) {
            for (int i = 0; i < settings.seedPerCollection(); i++) {
                workload.insert(namespace).run();
            }
        }
        workload.thread.start();
        return workload;
    }

    /** Stops writing and waits for the thread; a failure other than a fault it rides out is thrown here. */
    public void stop() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the workload", e);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("the workload did not stop within 60 s");
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** When the cluster refused a write with 371 (the workload stopped there), if it did. */
    public Optional<Instant> blockedAt() {
        return Optional.ofNullable(blockedAt);
    }

    /** Whether it still writes (not stopped, blocked or failed). */
    public boolean running() {
        return thread.isAlive();
    }

    public long total() {
        return done.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long count(Op op) {
        return done.get(op).get();
    }

    public long retries() {
        return retries.get();
    }

    /** e.g. {@code 5210 ops (INSERT 1040, SET_NESTED 350, ...), 3 retried, blocked by 371}. */
    public String summary() {
        return total() + " ops (" + done.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().get())
                .collect(Collectors.joining(", ")) + "), " + retries.get() + " retried"
                + (blockedAt != null ? ", stopped by 371 at " + blockedAt : "");
    }

    private void writeUntilStopped() {
        long interval = TimeUnit.SECONDS.toNanos(1) / settings.opsPerSecond();
        long next = System.nanoTime();
        int operations = 0;
        try {
            while (!stopping) {
                String database = settings.databases().get(random.nextInt(settings.databases().size()));
                Op op = ++operations % DDL_EVERY == 0 ? nextDdl(database)
                        : DATA_OPS.get(random.nextInt(DATA_OPS.size()));
                if (!runRetrying(op, database)) {
                    return;
                }
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (RuntimeException e) {
            failure = new IllegalStateException("the workload " + settings.idPrefix() + " failed: " + e, e);
        }
    }

    /** Runs {@code op} until it is done; false when the cluster blocks writes or the workload is stopped. */
    private boolean runRetrying(Op op, String database) {
        Runnable write = prepare(op, database);
        boolean retrying = false;
        while (!stopping) {
            try {
                write.run();
                done.get(op).incrementAndGet();
                return true;
            } catch (MongoException e) {
                if (e.getCode() == USER_WRITES_BLOCKED || writeErrorCode(e) == USER_WRITES_BLOCKED) {
                    blockedAt = Instant.now();
                    return false;
                }
                if (retrying && isAlreadyDone(e)) {
                    done.get(op).incrementAndGet();
                    return true;
                }
                if (!isTransient(e)) {
                    throw e;
                }
                retrying = true;
                retries.incrementAndGet();
                LockSupport.parkNanos(RETRY_PAUSE.toNanos());
            }
        }
        return false;
    }

    private static int writeErrorCode(MongoException e) {
        return e instanceof MongoWriteException write ? write.getError().getCode() : e.getCode();
    }

    /** The next DDL in turn that makes sense for {@code database}'s temporary collections. */
    private Op nextDdl(String database) {
        Deque<String> names = temporary.get(database);
        while (true) {
            Op op = DDL_OPS.get(ddlTurn++ % DDL_OPS.size());
            boolean possible = switch (op) {
                case CREATE_COLLECTION -> names.size() < TEMPORARY_AT_MOST;
                case RENAME_COLLECTION -> names.stream().anyMatch(name -> !name.endsWith(RENAMED));
                case DROP_COLLECTION -> !names.isEmpty();
                default -> true;
            };
            if (possible) {
                return op;
            }
        }
    }

    /** A retried write whose first attempt was applied before the connection broke. */
    private static boolean isAlreadyDone(MongoException e) {
        int code = writeErrorCode(e);
        return code == DUPLICATE_KEY || code == NAMESPACE_EXISTS || code == NAMESPACE_NOT_FOUND;
    }

    private static boolean isTransient(MongoException e) {
        return e instanceof MongoSocketException || e instanceof MongoTimeoutException
                || (e instanceof MongoCommandException && TRANSIENT_CODES.contains(e.getCode()))
                || e.hasErrorLabel("RetryableWriteError") || e.hasErrorLabel("TransientTransactionError");
    }

    /**
     * The write {@code op} on a collection of {@code database}, its target and values picked once (and the
     * bookkeeping of ids and temporary collections done), so that a retry repeats exactly the same write.
     */
    private Runnable prepare(Op op, String database) {
        String namespace = anyCollection(database);
        MongoCollection<Document> collection = collection(namespace);
        return switch (op) {
            case INSERT -> insert(namespace);
            case SET_NESTED -> update(namespace, Updates.combine(Updates.set("nested.a.b", random.nextInt(1000)),
                    Updates.set("nested.a.when", new java.util.Date())));
            case UNSET -> update(namespace, Updates.unset("status"));
            case INC -> update(namespace, Updates.inc("qty", 1 + random.nextInt(5)));
            case PUSH -> update(namespace, Updates.push("tags", "t" + random.nextInt(50)));
            case PULL -> update(namespace, Updates.pull("tags", "b"));
            case POP -> update(namespace, Updates.popLast("tags"));
            case TRUNCATE_ARRAY -> update(namespace, Updates.set("tags", List.of("a")));
            case RENAME_FIELD -> update(namespace, random.nextBoolean() ? Updates.rename("status", "state")
                    : Updates.rename("state", "status"));
            case REPLACE -> {
                String id = existingId(namespace);
                Document replacement = document(id).append("replaced", true);
                yield () -> collection.replaceOne(Filters.eq("_id", id), replacement);
            }
            case PIPELINE_UPDATE -> {
                String id = existingId(namespace);
                yield () -> collection.updateOne(Filters.eq("_id", id), List.of(new Document("$set",
                        new Document("total", new Document("$add", List.of(new Document("$ifNull",
                                List.of("$qty", 0)), 1))))));
            }
            case UPSERT -> {
                String id = newId(namespace);
                yield () -> collection.updateOne(Filters.eq("_id", id), Updates.combine(Updates.setOnInsert("uid", id),
                        Updates.set("qty", 1), Updates.set("upserted", true)), new UpdateOptions().upsert(true));
            }
            case DELETE -> {
                String id = existingId(namespace);
                yield () -> collection.deleteOne(Filters.eq("_id", id));
            }
            case CREATE_COLLECTION -> createTemporary(database);
            case CREATE_INDEX -> createIndex(collection);
            case RENAME_COLLECTION -> renameTemporary(database);
            case DROP_COLLECTION -> dropTemporary(database);
        };
    }

    private Runnable insert(String namespace) {
        Document document = document(newId(namespace));
        MongoCollection<Document> collection = collection(namespace);
        return () -> collection.insertOne(document);
    }

    private Runnable update(String namespace, Bson update) {
        String id = existingId(namespace);
        MongoCollection<Document> collection = collection(namespace);
        return () -> collection.updateOne(Filters.eq("_id", id), update);
    }

    private Document document(String id) {
        return new Document("_id", id).append("uid", id).append("qty", random.nextInt(100)).append("status", "new")
                .append("tags", new ArrayList<>(List.of("a", "b", "c", "d")))
                .append("nested", new Document("a", new Document("b", 0).append("c", "x")));
    }

    /** Unique on {@code uid} (every document's uid is its own {@code _id}), or a plain one on {@code qty}. */
    private Runnable createIndex(MongoCollection<Document> collection) {
        if (random.nextBoolean()) {
            return () -> collection.createIndex(Indexes.ascending("uid"), new IndexOptions().unique(true).name("uid_1"));
        }
        return () -> collection.createIndex(Indexes.descending("qty"));
    }

    private Runnable createTemporary(String database) {
        String name = "tmp-" + settings.idPrefix() + "-" + temporaryCount++;
        temporary.get(database).addLast(name);
        nextId.put(database + "." + name, 0L);
        return () -> db(database).createCollection(name);
    }

    /** A temporary collection not renamed yet gets a new name in its database (and keeps it until dropped). */
    private Runnable renameTemporary(String database) {
        Deque<String> names = temporary.get(database);
        String from = names.stream().filter(name -> !name.endsWith(RENAMED)).findFirst().orElseThrow();
        String to = from + RENAMED;
        names.remove(from);
        names.addLast(to);
        nextId.put(database + "." + to, nextId.remove(database + "." + from));
        return () -> db(database).getCollection(from).renameCollection(new MongoNamespace(database, to));
    }

    /** The oldest temporary collection goes. */
    private Runnable dropTemporary(String database) {
        String name = temporary.get(database).pollFirst();
        nextId.remove(database + "." + name);
        return () -> db(database).getCollection(name).drop();
    }

    private String anyCollection(String database) {
        List<String> names = nextId.keySet().stream().filter(ns -> ns.startsWith(database + ".")).toList();
        return names.get(random.nextInt(names.size()));
    }

    private String newId(String namespace) {
        long n = nextId.merge(namespace, 1L, Long::sum) - 1;
        return settings.idPrefix() + "-" + n;
    }

    private String existingId(String namespace) {
        long handedOut = nextId.get(namespace);
        return settings.idPrefix() + "-" + (handedOut == 0 ? 0 : random.nextLong(handedOut));
    }

    private MongoDatabase db(String database) {
        return client.getDatabase(database);
    }

    private MongoCollection<Document> collection(String namespace) {
        int dot = namespace.indexOf('.');
        return client.getDatabase(namespace.substring(0, dot)).getCollection(namespace.substring(dot + 1));
    }
}
