package io.c2csync.controlplane.fakes;

import io.c2csync.controlplane.sync.ClusterAction;
import io.c2csync.controlplane.sync.ClusterAdmin;
import io.c2csync.controlplane.sync.ClusterFacts;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.ServerVersion;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.UniqueIndexConversion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A cluster in memory: facts to report, a write-blocking flag, a ticking cluster time, failures on demand. */
public final class FakeClusterAdmin implements ClusterAdmin {
    public enum Operation { INSPECT, WRITE_BLOCKING, CLUSTER_TIME, PING, UNIQUE_INDEXES }

    private final String name;
    private final String address;
    private final Journal journal;
    private final AtomicInteger clock = new AtomicInteger();
    private final Set<Operation> failing = ConcurrentHashMap.newKeySet();
    private final List<ClusterTime> clusterTimesHandedOut = new ArrayList<>();
    private volatile ClusterFacts facts =
            new ClusterFacts(new ServerVersion(6, 0), true, EnumSet.allOf(ClusterAction.class), List.of());
    private volatile boolean writesBlocked;
    private volatile List<String> uniqueIndexViolations = List.of();

    public FakeClusterAdmin(String name, String address, Journal journal) {
        this.name = name;
        this.address = address;
        this.journal = journal;
    }

    public FakeClusterAdmin withFacts(ClusterFacts newFacts) {
        facts = newFacts;
        return this;
    }

    public void fail(Operation operation) {
        failing.add(operation);
    }

    public void heal() {
        failing.clear();
    }

    public boolean writesBlocked() {
        return writesBlocked;
    }

    public synchronized List<ClusterTime> clusterTimesHandedOut() {
        return List.copyOf(clusterTimesHandedOut);
    }

    @Override
    public String displayAddress() {
        return address;
    }

    @Override
    public ClusterFacts inspect() {
        failIf(Operation.INSPECT);
        return facts;
    }

    @Override
    public synchronized void setUserWriteBlocking(boolean enabled) {
        failIf(Operation.WRITE_BLOCKING);
        journal.add(name + ": setUserWriteBlocking(" + enabled + ")");
        writesBlocked = enabled;
    }

    @Override
    public synchronized ClusterTime clusterTime() {
        failIf(Operation.CLUSTER_TIME);
        ClusterTime time = new ClusterTime(1_700_000_000L, clock.incrementAndGet());
        clusterTimesHandedOut.add(time);
        journal.add(name + ": clusterTime " + time);
        return time;
    }

    @Override
    public long pingMillis() {
        failIf(Operation.PING);
        return 3;
    }

    /** The next conversions of unique indexes find these duplicates (none by default). */
    public void uniqueIndexViolations(List<String> violations) {
        uniqueIndexViolations = List.copyOf(violations);
    }

    @Override
    public UniqueIndexConversion convertRecordedUniqueIndexes() {
        failIf(Operation.UNIQUE_INDEXES);
        journal.add(name + ": convertRecordedUniqueIndexes");
        return new UniqueIndexConversion(List.of(), uniqueIndexViolations);
    }

    private void failIf(Operation operation) {
        if (failing.contains(operation)) {
            throw new SyncException(SyncError.CLUSTER_UNREACHABLE, address + " is unreachable (" + operation + ")");
        }
    }
}
