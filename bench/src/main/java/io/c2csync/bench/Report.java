package io.c2csync.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.time.Duration;

/** The run's section of BENCHMARKS.md: one table per scenario, the machine, the command, the charts. */
final class Report {

    static final String BEGIN = "<!-- bench/run writes from here -->";
    static final String END = "<!-- bench/run writes up to here -->";

    private final StringBuilder md = new StringBuilder();

    Report(String date, Machine machine, String loadAtEnd, String command, String parameters) {
        md.append("## Latest run: ").append(date).append("\n\n")
            .append("- Machine: ").append(machine.cores()).append(" cores (`nproc`), ")
            .append(machine.memoryMiB()).append(" MiB memory, load average ").append(machine.loadAverage())
            .append(" at start and ").append(loadAtEnd).append(" at the end (1, 5, 15 min)\n")
            .append("- Command: `").append(command).append("`\n")
            .append("- Parameters: ").append(parameters).append("\n\n");
    }

    Report ceiling(List<Rate> rates) {
        md.append("### Emulator ceiling (one replica set, driver 5.6.4, one client thread, ~130 B documents)\n\n")
            .append("| operation | operations | seconds | per second |\n|---|---:|---:|---:|\n");
        rates.forEach(rate -> md.append(String.format("| %s | %,d | %.2f | %,.0f |%n", rate.operation(),
            rate.operations(), rate.seconds(), rate.perSecond())));
        md.append('\n');
        return this;
    }

    Report copies(List<CopyResult> results, String limit, String baseline) {
        md.append("### Initial copy\n\nTime from the start of the method (connectors created, tasks started) to the "
            + "last document counted on the destination; \"first doc\" is when the first document arrived (start-up) and "
            + "\"steady docs/s\" leaves the start-up out. Ratios (of docs/s, and of steady docs/s in brackets) are to "
            + "the direct copy (limit) and to the plain mongo-kafka pipeline, measured side by side in this run.\n\n");
        results.stream().map(CopyResult::dataset).distinct().forEach(dataset -> {
            List<CopyResult> rows = results.stream().filter(r -> r.dataset().equals(dataset)).toList();
            md.append(String.format("**%s: %,d documents of ~%,d B (%.1f MB) in %d databases**%n%n", dataset.label(),
                    dataset.documents(), dataset.documentBytes(), dataset.totalBytes() / 1e6, dataset.databases().size()))
                .append("| method | seconds | first doc s | docs/s | steady docs/s | MB/s | × limit | × mongo-kafka |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (CopyResult row : rows) {
                md.append(String.format("| %s | %.2f | %.2f | %,.0f | %,.0f | %.2f | %s | %s |%n", row.method(), row.seconds(),
                    row.secondsToFirstDocument(), row.documentsPerSecond(), row.steadyDocumentsPerSecond(),
                    row.megabytesPerSecond(), ratio(row, rows, limit), ratio(row, rows, baseline)));
            }
            md.append('\n');
        });
        return this;
    }

    Report lag(LagScenario.Outcome outcome, Duration duration) {
        md.append(String.format("### Change event application (c2c-sync, 1 sync group)%n%n"
                + "Direct apply rate (the writer's mix, one op per call, straight into the destination emulator): "
                + "**%,.0f ops/s**. The writer then runs on the source for %d s per rate (50 %% inserts, 30 %% updates, "
                + "20 %% deletes, ~200 B documents); lag = time the change appears in the destination's change stream "
                + "minus the time it was issued on the source. Bounded = every change arrived within 60 s after the "
                + "run and, in the second half of the run, lag grew by at most %.0f ms per second of writing (least-squares "
                + "slope; the first half may hold a warm-up stall). The writer is "
                + "open-loop; on a loaded machine it may not reach its target rate (see achieved).%n%n",
            outcome.directApply().perSecond(), duration.toSeconds(), LagResult.BOUNDED_GROWTH_MS_PER_S))
            .append("| rate | target ops/s | achieved ops/s | × direct apply | changes | lost | p50 ms | p95 ms | p99 ms | max ms | lag growth, 2nd half, ms/s | bounded |\n")
            .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (LagResult r : outcome.results()) {
            md.append(String.format("| %d %% | %,.0f | %,.0f | %.2f | %,d | %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %s |%n",
                r.percent(), r.targetRate(), r.achieved().perSecond(), r.achieved().perSecond() / outcome.directApply().perSecond(),
                r.written(), r.lost(), r.percentile(50), r.percentile(95), r.percentile(99), r.percentile(100),
                r.growthMillisPerSecond(), r.bounded() ? "yes" : "no"));
        }
        Optional<LagResult> best = outcome.results().stream().filter(LagResult::bounded)
            .max((a, b) -> Double.compare(a.achieved().perSecond(), b.achieved().perSecond()));
        md.append('\n').append(best.map(r -> String.format("Highest tested rate with bounded lag: **%,.0f ops/s** (%d %% of "
                + "the direct apply rate).", r.achieved().perSecond(), r.percent()))
            .orElse("Lag was bounded at none of the tested rates.")).append(String.format(
                " Destination changes matching no write: %,d.%n%n", outcome.unmatched()));
        return this;
    }

    Report costs(List<CopyResult> copies, List<LagResult> lags) {
        md.append("### Cost per measurement (CPU seconds, peak RSS in MiB, from /proc)\n\n"
            + "The bench JVM holds both emulators, the direct copy and the writer; peak RSS is reset before each "
            + "measurement (`clear_refs`).\n\n");
        List<String> processes = copies.isEmpty() ? List.of() : copies.get(0).costs().stream().map(ProcessCost::process).toList();
        md.append("| measurement | ").append(processes.stream().map(p -> p + " CPU s | " + p + " peak RSS")
            .collect(Collectors.joining(" | "))).append(" |\n|---|")
            .append("---:|---:|".repeat(processes.size())).append('\n');
        copies.forEach(c -> costRow("copy " + c.dataset().label() + ", " + c.method(), c.costs()));
        lags.forEach(l -> costRow("changes at " + l.percent() + " %", l.costs()));
        md.append('\n');
        return this;
    }

    private void costRow(String measurement, List<ProcessCost> costs) {
        md.append("| ").append(measurement).append(" | ").append(costs.stream()
            .map(c -> String.format("%.1f | %,d", c.cpuSeconds(), c.peakRssMiB())).collect(Collectors.joining(" | ")))
            .append(" |\n");
    }

    Report charts(List<Path> charts, Path relativeTo) {
        md.append("### Charts\n\n");
        charts.forEach(chart -> md.append("![").append(chart.getFileName()).append("](")
            .append(relativeTo.toAbsolutePath().getParent().relativize(chart.toAbsolutePath())).append(")\n"));
        md.append('\n');
        return this;
    }

    private static String ratio(CopyResult row, List<CopyResult> rows, String reference) {
        return rows.stream().filter(r -> r.method().equals(reference)).findFirst()
            .map(r -> String.format("%.2f (%.2f)", row.documentsPerSecond() / r.documentsPerSecond(),
                row.steadyDocumentsPerSecond() / r.steadyDocumentsPerSecond())).orElse("–");
    }

    /** Replaces the generated part of {@code file} (between the markers) with this report. */
    void writeInto(Path file) {
        new MarkedSection(BEGIN, END).write(file, md.toString());
    }
}
