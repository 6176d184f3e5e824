package io.c2csync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU seconds and peak RSS of named process trees from /proc. {@link #start()} resets each process's
 * peak RSS ({@code clear_refs} 5) and notes its CPU time, so a measurement covers only what ran since.
 */
public final class CostMeter {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Map<String, Supplier<List<ProcessHandle>>> processes = new LinkedHashMap<>();
    private final Map<Long, Long> ticksAtStart = new LinkedHashMap<>();

    public CostMeter watch(String name, Supplier<List<ProcessHandle>> tree) {
        processes.put(name, tree);
        return this;
    }

    public void start() {
        ticksAtStart.clear();
        for (Supplier<List<ProcessHandle>> tree : processes.values()) {
            for (ProcessHandle handle : tree.get()) {
                write(Path.of("/proc", Long.toString(handle.pid()), "clear_refs"), "5");
                ticksAtStart.put(handle.pid(), cpuTicks(handle.pid()));
            }
        }
    }

    public List<ProcessCost> stop() {
        List<ProcessCost> costs = new ArrayList<>();
        processes.forEach((name, tree) -> {
            long ticks = 0;
            long peakKiB = 0;
            for (ProcessHandle handle : tree.get()) {
                ticks += cpuTicks(handle.pid()) - ticksAtStart.getOrDefault(handle.pid(), 0L);
                peakKiB += peakRssKiB(handle.pid());
            }
            costs.add(new ProcessCost(name, (double) ticks / CLOCK_TICKS_PER_SECOND, peakKiB / 1024));
        });
        return costs;
    }

    /** utime + stime, fields 14 and 15 of /proc/pid/stat (counted after the command name in parentheses). */
    static long cpuTicks(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static long peakRssKiB(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status")).lines()
            .filter(line -> line.startsWith("VmHWM:")).map(line -> Long.parseLong(line.replaceAll("\\D", "")))
            .findFirst().orElseThrow(() -> new IllegalStateException("/proc/" + pid + "/status has no VmHWM"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset the peak RSS through " + file, e);
        }
    }
}
