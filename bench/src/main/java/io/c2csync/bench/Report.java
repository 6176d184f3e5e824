package io.c2csync.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        md.append("### Initial copy\n\nTime from the start of the method (connectors created; for c2c-sync `POST /start` "
            + "to its control plane, already running with its own embedded Kafka and Connect) to the last document "
            + "counted on the destination; \"first doc\" is when the first document arrived (start-up) and \"steady "
            + "docs/s\" leaves the start-up out; \"canCommit s\" is when c2c-sync's `/progress` first said `canCommit: "
            + "true` (the copy done and its indexes built, as the control plane sees it). c2c-sync runs one sync group per "
            + "database (its default) or one group for all (`run --database-groups 0`). Ratios (of docs/s, and of steady "
            + "docs/s in brackets) are to the direct copy (limit) and to the plain mongo-kafka pipeline, measured side by "
            + "side in this run.\n\n");
        results.stream().map(CopyResult::dataset).distinct().forEach(dataset -> {
            List<CopyResult> rows = results.stream().filter(r -> r.dataset().equals(dataset)).toList();
            md.append(String.format("**%s: %,d documents of ~%,d B (%.1f MB) in %d databases**%n%n", dataset.label(),
                    dataset.documents(), dataset.documentBytes(), dataset.totalBytes() / 1e6, dataset.databases().size()))
                .append("| method | seconds | first doc s | canCommit s | docs/s | steady docs/s | MB/s | × limit | × mongo-kafka |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (CopyResult row : rows) {
                md.append(String.format("| %s | %.2f | %.2f | %s | %,.0f | %,.0f | %.2f | %s | %s |%n", row.method(), row.seconds(),
                    row.secondsToFirstDocument(), Double.isNaN(row.secondsToCanCommit()) ? "–"
                        : String.format("%.2f", row.secondsToCanCommit()), row.documentsPerSecond(), row.steadyDocumentsPerSecond(),
                    row.megabytesPerSecond(), ratio(row, rows, limit), ratio(row, rows, baseline)));
            }
            md.append('\n');
        });
        return this;
    }

    Report lag(LagScenario.Outcome outcome, Duration duration) {
        md.append(String.format("### Change event application (c2c-sync, 1 sync group)%n%n"
                + "Direct apply rate (the writer's mix, one op per call, straight into the destination emulator): "
                + "**%,.0f ops/s**. After 5 s of warm-up writes at the first rate (not reported: the fresh JVMs compile the "
                + "change path), the writer runs on the source for %d s per rate (50 %% inserts, 30 %% updates, "
                + "20 %% deletes, ~200 B documents); lag = time the change appears in the destination's change stream "
                + "minus the time it was issued on the source. Bounded = every change arrived within 60 s after the "
                + "run and, in the second half of the run, lag grew by at most %.0f ms per second of writing (least-squares "
                + "slope; the first half may hold a warm-up stall). The writer is "
                + "open-loop, %d client threads each writing its share of the rate to documents of its own; on a loaded "
                + "machine it may not reach its target rate (see achieved).%n%n",
            outcome.directApply().perSecond(), duration.toSeconds(), LagResult.BOUNDED_GROWTH_MS_PER_S, outcome.writerLanes()))
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
            .orElse("Lag was bounded at none of the tested rates."));
        Optional<LagResult> withinTarget = outcome.results().stream()
            .filter(r -> r.lost() == 0 && r.percentile(99) <= LagResult.TARGET_P99_MS)
            .max((a, b) -> Double.compare(a.achieved().perSecond(), b.achieved().perSecond()));
        md.append(withinTarget.map(r -> String.format(" Highest tested rate with p99 lag ≤ %,.0f ms (the target): **%,.0f "
                + "ops/s** (%d %%).", LagResult.TARGET_P99_MS, r.achieved().perSecond(), r.percent()))
            .orElse(String.format(" p99 lag ≤ %,.0f ms (the target) at none of the tested rates.", LagResult.TARGET_P99_MS)))
            .append(String.format(" Destination changes matching no write: %,d.%n%n", outcome.unmatched()));
        return this;
    }

    Report cutovers(List<CutoverResult> results, Duration writing) {
        if (results.isEmpty()) {
            return this;
        }
        md.append(String.format("### Cutover (c2c-sync, reversible, enableUserWriteBlocking)%n%n"
                + "Once the sync can commit, an application writes on the source for %d s (the lag scenario's mix); right "
                + "after its last acknowledged write `POST /commit`, then `/progress` every 20 ms until `state: COMMITTED` "
                + "with `canWrite: true`; then `POST /reverse` until `RUNNING` with cluster1 as the source in "
                + "`directionMapping`. The embedded verification on (the default) and off (`verification: {enabled: "
                + "false}` in `/start`). Target: ≤ %.0f s from the last write.%n%n", writing.toSeconds(),
                CutoverResult.TARGET_SECONDS))
            .append("| verification | writes | ops/s | last write → COMMITTED + canWrite, s | /commit → COMMITTED, s | "
                + "≤ 2 s | /reverse → RUNNING, s |\n|---|---:|---:|---:|---:|---|---:|\n");
        for (CutoverResult r : results) {
            md.append(String.format("| %s | %,d | %,.0f | %.2f | %.2f | %s | %.2f |%n", r.verification() ? "on" : "off",
                r.writes().operations(), r.writes().perSecond(), r.lastWriteToCommitted(), r.commitCallToCommitted(),
                r.lastWriteToCommitted() <= CutoverResult.TARGET_SECONDS ? "yes" : "no", r.reverseToRunning()));
        }
        md.append("\nSteps as the control plane logged them (\"Commit step k/n done in N ms\"):\n\n| step | what it does | ")
            .append(results.stream().map(r -> r.label() + ", ms").collect(Collectors.joining(" | "))).append(" |\n|---|---|")
            .append("---:|".repeat(results.size())).append('\n');
        Map<String, String> described = new LinkedHashMap<>();
        results.forEach(r -> r.steps().steps().forEach(step -> described.putIfAbsent(step.name(), step.description())));
        described.forEach((name, description) -> md.append("| ").append(name).append(" | ").append(description)
            .append(" | ").append(results.stream().map(r -> r.steps().millisOf(name))
                .map(ms -> ms < 0 ? "–" : String.format("%,d", ms)).collect(Collectors.joining(" | "))).append(" |\n"));
        md.append('\n');
        return this;
    }

    Report verifier(List<VerifierScenario.Run> runs, String heap, int documentBytes) {
        if (runs.isEmpty()) {
            return this;
        }
        md.append(String.format("### Verifier (`bin/c2c-sync verify`)%n%nTwo equal emulated clusters, documents of ~%,d B; "
                + "the verify JVM alone in a child with a fixed heap (`-Xmx%s`), its peak RSS sampled every 100 ms. "
                + "`bench/run-verifier` runs this scenario alone at larger sizes.%n%n", documentBytes, heap))
            .append(VerifierScenario.table(runs, heap)).append('\n');
        return this;
    }

    /** One row of the cost table. */
    record CostRow(String measurement, List<ProcessCost> costs) {
    }

    Report costs(List<CostRow> rows) {
        md.append("### Cost per measurement (CPU seconds, peak RSS in MiB, from /proc)\n\n"
            + "The bench JVM holds both emulators, the direct copy and the writer; the control plane is c2c-sync's own "
            + "JVM (`c2c-sync run`); for c2c-sync's rows the Connect worker and Kafka broker are the ones its control "
            + "plane started, for mongo-kafka's the ones started for it (each copy on a fresh runtime, cold like "
            + "c2c-sync's); the direct copy uses neither. Peak RSS is reset before each measurement (`clear_refs`); "
            + "CPU and RSS cover the measurement only, not the start of the processes.\n\n");
        List<String> processes = rows.isEmpty() ? List.of() : rows.get(0).costs().stream().map(ProcessCost::process).toList();
        md.append("| measurement | ").append(processes.stream().map(p -> p + " CPU s | " + p + " peak RSS")
            .collect(Collectors.joining(" | "))).append(" |\n|---|")
            .append("---:|".repeat(processes.size() * 2)).append('\n');
        rows.forEach(row -> md.append("| ").append(row.measurement()).append(" | ").append(row.costs().stream()
            .map(c -> c.peakRssMiB() == 0 && c.cpuSeconds() == 0 ? "– | –" : String.format("%.1f | %,d", c.cpuSeconds(), c.peakRssMiB()))
            .collect(Collectors.joining(" | "))).append(" |\n"));
        md.append('\n');
        return this;
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
