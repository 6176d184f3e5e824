package io.c2csync.controlplane.fakes;

import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Connector pairs in memory, with the calls it received, a drain switch and failures on demand. */
public final class FakePipeline implements Pipeline {
    public enum Operation { DEPLOY, PAUSE, RESUME, REMOVE, STATUS, RESTART_FAILED, APPLIED_THROUGH }

    private final Map<PairId, ConnectorPair> deployed = new HashMap<>();
    private final Map<PairId, ConnectorState> states = new HashMap<>();
    private final Journal journal;
    private final Set<Operation> failing = ConcurrentHashMap.newKeySet();
    private final Set<Operation> buggy = ConcurrentHashMap.newKeySet();
    private volatile boolean drained = true;
    private volatile ConnectorStatus.TaskFailure failedTask;
    private volatile List<String> hostWarnings = List.of();
    private volatile CountDownLatch pauseGate = new CountDownLatch(0);
    private final AtomicInteger pausesWaiting = new AtomicInteger();

    public FakePipeline(Journal journal) {
        this.journal = journal;
    }

    public void fail(Operation operation) {
        failing.add(operation);
    }

    /** The operation throws an unexpected exception, as a bug in an adapter would. */
    public void breakWithBug(Operation operation) {
        buggy.add(operation);
    }

    public void heal() {
        failing.clear();
        buggy.clear();
    }

    /** Whether {@link #appliedThrough} answers yes: the commit marker has reached the destination. */
    public void setDrained(boolean isDrained) {
        drained = isDrained;
    }

    /** Makes {@link #pause} wait until the returned latch is counted down (or the caller is interrupted). */
    public CountDownLatch holdPauses() {
        pauseGate = new CountDownLatch(1);
        return pauseGate;
    }

    public int pausesWaiting() {
        return pausesWaiting.get();
    }

    public void failTask(String reason) {
        failTask(new ConnectorStatus.TaskFailure(0, reason));
    }

    /** The source connector's task fails so; a restart ({@link #restartFailed}) cures it. */
    public void failTask(ConnectorStatus.TaskFailure failure) {
        failedTask = failure;
    }

    public void recoverTask() {
        failedTask = null;
    }

    /** What {@link #hostWarnings()} answers from now on, as an embedded runtime restarting its worker would. */
    public void warnAboutHost(String... warnings) {
        hostWarnings = List.of(warnings);
    }

    @Override
    public List<String> hostWarnings() {
        return hostWarnings;
    }

    public synchronized Optional<ConnectorPair> deployed(PairId pair) {
        return Optional.ofNullable(deployed.get(pair));
    }

    public synchronized ConnectorState state(PairId pair) {
        return states.getOrDefault(pair, ConnectorState.MISSING);
    }

    @Override
    public synchronized void deploy(ConnectorPair pair) {
        record(Operation.DEPLOY, "deploy " + pair.id().generation() + " " + pair.direction().source().apiName() + "->"
                + pair.direction().destination().apiName() + " from "
                + pair.startPoint().resumeAt().map(ClusterTime::toString).orElse("initial copy"));
        deployed.put(pair.id(), pair);
        states.put(pair.id(), ConnectorState.RUNNING);
    }

    @Override
    public void pause(PairId pair) {
        pausesWaiting.incrementAndGet();
        try {
            pauseGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing pair " + pair.generation(), e);
        } finally {
            pausesWaiting.decrementAndGet();
        }
        pauseNow(pair);
    }

    private synchronized void pauseNow(PairId pair) {
        record(Operation.PAUSE, "pause " + pair.generation());
        states.put(pair, ConnectorState.PAUSED);
    }

    @Override
    public synchronized void resume(PairId pair) {
        record(Operation.RESUME, "resume " + pair.generation());
        states.put(pair, ConnectorState.RUNNING);
    }

    @Override
    public synchronized void remove(PairId pair) {
        record(Operation.REMOVE, "remove " + pair.generation());
        deployed.remove(pair);
        states.remove(pair);
    }

    @Override
    public synchronized PipelineStatus status(PairId pair) {
        failIf(Operation.STATUS);
        ConnectorState state = state(pair);
        ConnectorStatus.TaskFailure failure = failedTask;
        return new PipelineStatus(List.of(
                new ConnectorStatus("c2c-source-" + pair.generation(), state,
                        failure == null ? List.of() : List.of(failure)),
                new ConnectorStatus("c2c-sink-" + pair.generation(), state, List.of())));
    }

    @Override
    public synchronized void restartFailed(PairId pair) {
        record(Operation.RESTART_FAILED, "restart failed " + pair.generation());
        failedTask = null;
    }

    @Override
    public boolean appliedThrough(PairId pair, ClusterTime point) {
        failIf(Operation.APPLIED_THROUGH);
        return drained;
    }

    private void record(Operation operation, String call) {
        failIf(operation);
        journal.add("pipeline: " + call);
    }

    private void failIf(Operation operation) {
        if (buggy.contains(operation)) {
            throw new IllegalStateException("bug in the pipeline adapter (" + operation + ")");
        }
        if (failing.contains(operation)) {
            throw new SyncException(SyncError.CONNECT_UNAVAILABLE, "Connect is unreachable (" + operation + ")");
        }
    }
}
