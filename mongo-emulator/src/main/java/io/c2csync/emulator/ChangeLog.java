package io.c2csync.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.bwaldvogel.mongo.bson.BsonTimestamp;

/**
 * The emulated oplog: every committed change in commit order, each stamped with its own cluster time.
 * History is bounded by {@link EmulatorOptions.HistoryLimits}; readers address events by sequence number, so a
 * reader only ever touches the events after its position.
 */
final class ChangeLog {

    private final ClusterClock clock;
    private final EmulatorOptions.HistoryLimits limits;
    private final EventRing events = new EventRing();
    private final Set<Runnable> waiters = new LinkedHashSet<>();
    private long nextSequence;
    private long retainedBytes;
    /** Resuming after any time at or after this one loses nothing. */
    private BsonTimestamp historyStart;

    ChangeLog(ClusterClock clock, EmulatorOptions.HistoryLimits limits) {
        this.clock = clock;
        this.limits = limits;
        this.historyStart = clock.current();
    }

    void append(ChangeDraft change) {
        long size = sizeOf(change);
        List<Runnable> toWake;
        synchronized (this) {
            BsonTimestamp clusterTime = clock.tick();
            Instant wallTime = clock.wallClock().instant();
            events.add(new ChangeEvent(nextSequence++, clusterTime, wallTime, change, size));
            retainedBytes += size;
            evictBeyondLimits();
            toWake = new ArrayList<>(waiters);
            waiters.clear();
        }
        toWake.forEach(Runnable::run);
    }

    /**
     * Up to {@code max} events from {@code fromSequence} on.
     *
     * @throws de.bwaldvogel.mongo.exception.MongoServerError 286 if events after that position were already dropped
     */
    synchronized Slice read(long fromSequence, int max) {
        if (fromSequence < events.firstSequence(nextSequence)) {
            throw MongoErrors.CHANGE_STREAM_HISTORY_LOST.error(
                "Resume of change stream was not possible, as the resume point may no longer be in the oplog.");
        }
        List<ChangeEvent> slice = new ArrayList<>();
        long sequence = fromSequence;
        while (sequence < nextSequence && slice.size() < max) {
            slice.add(events.get(sequence));
            sequence++;
        }
        boolean reachedEnd = sequence == nextSequence;
        return new Slice(slice, reachedEnd, clock.current());
    }

    /** The position of the first event after {@code resumePoint}, checking that no event after it was dropped. */
    synchronized long positionAfter(BsonTimestamp resumePoint) {
        if (resumePoint.compareTo(historyStart) < 0) {
            throw MongoErrors.CHANGE_STREAM_HISTORY_LOST.error(
                "Resume of change stream was not possible, as the resume point may no longer be in the oplog.");
        }
        long low = events.firstSequence(nextSequence);
        long high = nextSequence;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (events.get(middle).clusterTime().compareTo(resumePoint) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The retained event at exactly this cluster time; empty if it was the last one dropped (resuming after it
     * loses nothing).
     *
     * @throws de.bwaldvogel.mongo.exception.MongoServerError 286 if older history was dropped, 260 if there was
     *                                                        never an event at that time
     */
    synchronized Optional<ChangeEvent> eventAt(BsonTimestamp clusterTime) {
        if (clusterTime.equals(historyStart)) {
            return Optional.empty();
        }
        long position = positionAfter(clusterTime);
        if (position > events.firstSequence(nextSequence) && events.get(position - 1).clusterTime().equals(clusterTime)) {
            return Optional.of(events.get(position - 1));
        }
        throw MongoErrors.INVALID_RESUME_TOKEN.error("cannot resume stream; the resume token was not found: no event at " + clusterTime);
    }

    synchronized long endPosition() {
        return nextSequence;
    }

    /**
     * Runs {@code wake} once the next event after {@code position} is appended.
     *
     * @return false, without registering, if such an event already exists
     */
    synchronized boolean wakeOnAppendAfter(long position, Runnable wake) {
        if (position < nextSequence) {
            return false;
        }
        waiters.add(wake);
        return true;
    }

    synchronized void cancelWake(Runnable wake) {
        waiters.remove(wake);
    }

    private void evictBeyondLimits() {
        while (events.size() > limits.maxEvents() || (retainedBytes > limits.maxBytes() && events.size() > 1)) {
            ChangeEvent evicted = events.removeFirst();
            retainedBytes -= evicted.sizeBytes();
            historyStart = evicted.clusterTime();
        }
    }

    private static long sizeOf(ChangeDraft change) {
        return BsonCodec.sizeOf(change.fullDocument()) + BsonCodec.sizeOf(change.updateDescription())
            + BsonCodec.sizeOf(change.preImage()) + BsonCodec.sizeOf(change.postImage()) + BsonCodec.sizeOf(change.documentKey())
            + BsonCodec.sizeOf(change.details());
    }

    /**
     * Events read from the log.
     *
     * @param reachedEnd  whether the slice ends at the newest event
     * @param latestTime  the cluster time when the slice was read: no event at or before it is still to come
     */
    record Slice(List<ChangeEvent> events, boolean reachedEnd, BsonTimestamp latestTime) {
    }

    /** A growable circular buffer of events addressed by sequence number. */
    private static final class EventRing {
        private ChangeEvent[] slots = new ChangeEvent[1024];
        private int head;
        private int size;

        void add(ChangeEvent event) {
            if (size == slots.length) {
                grow();
            }
            slots[(head + size) % slots.length] = event;
            size++;
        }

        ChangeEvent removeFirst() {
            ChangeEvent first = slots[head];
            slots[head] = null;
            head = (head + 1) % slots.length;
            size--;
            return first;
        }

        ChangeEvent get(long sequence) {
            long offset = sequence - slots[head].sequence();
            return slots[(int) ((head + offset) % slots.length)];
        }

        long firstSequence(long nextSequence) {
            return nextSequence - size;
        }

        int size() {
            return size;
        }

        private void grow() {
            ChangeEvent[] larger = new ChangeEvent[slots.length * 2];
            for (int i = 0; i < size; i++) {
                larger[i] = slots[(head + i) % slots.length];
            }
            slots = larger;
            head = 0;
        }
    }
}
