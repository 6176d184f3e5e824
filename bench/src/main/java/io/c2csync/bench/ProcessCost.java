package io.c2csync.bench;

/** What one process (tree) cost during one measurement: CPU seconds (user + system) and peak RSS. */
public record ProcessCost(String process, double cpuSeconds, long peakRssMiB) {
}
