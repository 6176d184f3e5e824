package io.c2csync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured on: cores, memory and the load average (1 min) when asked. */
public record Machine(int cores, long memoryMiB, String loadAverage) {

    public static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotalKiB() / 1024, currentLoadAverage());
    }

    static String currentLoadAverage() {
        String[] fields = read("/proc/loadavg").trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static long memTotalKiB() {
        return read("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal:"))
            .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst()
            .orElseThrow(() -> new IllegalStateException("/proc/meminfo has no MemTotal line"));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (the benchmark needs Linux /proc)", e);
        }
    }
}
