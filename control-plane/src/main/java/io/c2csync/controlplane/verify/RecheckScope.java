package io.c2csync.controlplane.verify;

import com.mongodb.MongoNamespace;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonValue;

/**
 * What an incremental check compares again: document keys per namespace, and namespaces (or whole databases) that
 * get the full comparison. A namespace with more than {@code maxKeysPerNamespace} keys is compared in full instead,
 * so the memory of the scope stays bounded: at most that many keys per namespace. Keys are kept in MongoDB's
 * {@code _id} order ({@link BsonSortOrder}), which is also how the {@code _id} index tells two keys apart.
 */
final class RecheckScope {

    private final int maxKeysPerNamespace;
    private final Map<String, NavigableSet<BsonValue>> keys = new HashMap<>();
    private final Set<String> fullNamespaces = new HashSet<>();
    private final Set<String> fullDatabases = new HashSet<>();

    RecheckScope(int maxKeysPerNamespace) {
        if (maxKeysPerNamespace < 1) {
            throw new IllegalArgumentException("a recheck must keep at least 1 key per namespace, not " + maxKeysPerNamespace);
        }
        this.maxKeysPerNamespace = maxKeysPerNamespace;
    }

    void key(MongoNamespace namespace, BsonValue id) {
        String name = namespace.getFullName();
        if (comparedInFull(namespace)) {
            return;
        }
        NavigableSet<BsonValue> ids = keys.computeIfAbsent(name, n -> new TreeSet<>(BsonSortOrder.INSTANCE));
        ids.add(id);
        if (ids.size() > maxKeysPerNamespace) {
            namespace(namespace);
        }
    }

    void namespace(MongoNamespace namespace) {
        fullNamespaces.add(namespace.getFullName());
        keys.remove(namespace.getFullName());
    }

    void database(String database) {
        fullDatabases.add(database);
        keys.keySet().removeIf(name -> new MongoNamespace(name).getDatabaseName().equals(database));
    }

    /** Every key and namespace of {@code other} is rechecked too. */
    void addAll(RecheckScope other) {
        other.fullDatabases.forEach(this::database);
        other.fullNamespaces.forEach(name -> namespace(new MongoNamespace(name)));
        other.keys.forEach((name, ids) -> ids.forEach(id -> key(new MongoNamespace(name), id)));
    }

    boolean comparedInFull(MongoNamespace namespace) {
        return fullDatabases.contains(namespace.getDatabaseName()) || fullNamespaces.contains(namespace.getFullName());
    }

    /** The keys to compare again in a namespace not compared in full, in {@code _id} order; empty when none. */
    NavigableSet<BsonValue> keys(MongoNamespace namespace) {
        return keys.getOrDefault(namespace.getFullName(), new TreeSet<>(BsonSortOrder.INSTANCE));
    }

    /** e.g. {@code 12 keys in 3 namespaces, 1 namespace and 0 databases in full}. */
    String describe() {
        long keyCount = keys.values().stream().mapToLong(Set::size).sum();
        return keyCount + " keys in " + keys.size() + " namespaces, " + fullNamespaces.size() + " namespaces and "
                + fullDatabases.size() + " databases in full";
    }
}
