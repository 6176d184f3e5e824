package io.c2csync.controlplane.fakes;

import java.util.ArrayList;
import java.util.List;

/** The changes the fakes were asked to make, in order, across all of them. */
public final class Journal {
    private final List<String> entries = new ArrayList<>();

    public synchronized void add(String entry) {
        entries.add(entry);
    }

    public synchronized List<String> entries() {
        return List.copyOf(entries);
    }

    /** Entries added since {@code mark} (a size returned by {@link #size()}). */
    public synchronized List<String> since(int mark) {
        return List.copyOf(entries.subList(mark, entries.size()));
    }

    public synchronized int size() {
        return entries.size();
    }
}
