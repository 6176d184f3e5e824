package io.c2csync.bench;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** bench/run-verifier: the verifier scenario alone; writes its section of BENCHMARKS.md. Not a test. */
@Command(name = "bench/run-verifier", mixinStandardHelpOptions = true,
    description = "Times bin/c2c-sync verify over two equal emulated clusters at two sizes and samples its peak RSS "
        + "in a child JVM with a fixed heap; writes the verifier section of BENCHMARKS.md.")
public final class VerifierBench implements Callable<Integer> {

    private static final MarkedSection SECTION = new MarkedSection("<!-- bench/run-verifier writes from here -->",
        "<!-- bench/run-verifier writes up to here -->");

    @Option(names = "--docs", description = "documents in each cluster at the end; a quarter of them is verified "
        + "first (default ${DEFAULT-VALUE})")
    int documents = 100_000;

    @Option(names = "--doc-bytes", description = "size of each document (default ${DEFAULT-VALUE})")
    int documentBytes = 1_000;

    @Option(names = "--heap", description = "-Xmx of the verify JVM (default ${DEFAULT-VALUE})")
    String heap = "64m";

    @Option(names = "--output", description = "the BENCHMARKS.md to update (default ${DEFAULT-VALUE})")
    Path output = Path.of("BENCHMARKS.md");

    @Option(names = "--work-dir", description = "logs of the verify runs (default ${DEFAULT-VALUE})")
    Path workDir = Path.of("bench/target/verifier");

    @Option(names = "--command", description = "the command line to record in BENCHMARKS.md (set by the script)")
    String command = "bench/run-verifier";

    public static void main(String[] args) {
        System.exit(new CommandLine(new VerifierBench()).execute(args));
    }

    @Override
    public Integer call() {
        if (documents < 4) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--docs must be at least 4, got " + documents);
        }
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Machine machine = Machine.now();
        List<VerifierScenario.Run> runs;
        try (Clusters clusters = Clusters.start()) {
            List<Dataset> steps = List.of(Dataset.of("verify_first", documentBytes, documents / 4, 1),
                Dataset.of("verify_rest", documentBytes, documents - documents / 4, 1));
            runs = new VerifierScenario(clusters, heap, workDir).run(steps);
        }
        SECTION.write(output, markdown(date, machine, runs));
        return 0;
    }

    private String markdown(String date, Machine machine, List<VerifierScenario.Run> runs) {
        StringBuilder md = new StringBuilder();
        md.append("### Verifier: ").append(date).append("\n\n")
            .append(String.format("- Machine: %d cores, %d MiB, load average %s at start and %s at the end%n",
                machine.cores(), machine.memoryMiB(), machine.loadAverage(), Machine.currentLoadAverage()))
            .append("- Command: `").append(command.strip()).append("` (verify JVM: `-Xmx").append(heap)
            .append("`, documents of ~").append(documentBytes).append(" B, equal clusters)\n\n")
            .append("| documents compared | MB per side | seconds | documents/s | peak RSS of the verify JVM (MiB) |\n")
            .append("|---:|---:|---:|---:|---:|\n");
        for (VerifierScenario.Run run : runs) {
            md.append(String.format("| %,d | %.1f | %.2f | %s | %,d |%n", run.documents(), run.bytes() / 1e6,
                run.seconds(), run.documents() == 0 ? "-" : String.format("%,.0f", run.documentsPerSecond()),
                run.peakRssMiB()));
        }
        VerifierScenario.Run empty = runs.get(0);
        VerifierScenario.Run smaller = runs.get(1);
        VerifierScenario.Run larger = runs.get(runs.size() - 1);
        double perMillionSeconds = (larger.seconds() - smaller.seconds()) / (larger.documents() - smaller.documents())
            * 1_000_000;
        long lowestRss = runs.stream().mapToLong(VerifierScenario.Run::peakRssMiB).min().orElseThrow();
        long highestRss = runs.stream().mapToLong(VerifierScenario.Run::peakRssMiB).max().orElseThrow();
        md.append(String.format("%n- Time per million documents (per side): %.0f s, from the growth between the two "
                + "non-empty runs; the fixed part (JVM start, connections, catalog) is the empty run's %.1f s.%n",
            perMillionSeconds, empty.seconds()));
        md.append(String.format("- Memory per million documents: none measurable. The verify JVM's heap is fixed and "
                + "pre-touched (`-Xms%1$s -Xmx%1$s`) while it compared %2$.0f MB per side, more than the whole heap, so "
                + "it cannot hold anything per document; its peak RSS stayed between %3$,d and %4$,d MiB at every size "
                + "(%5$,d MiB with empty clusters, %6$,d MiB after %7$,d documents). What it needs is that fixed "
                + "footprint at any size.%n",
            heap, larger.bytes() / 1e6, lowestRss, highestRss, empty.peakRssMiB(), larger.peakRssMiB(),
            larger.documents()));
        return md.toString();
    }
}
