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
            runs = new VerifierScenario(clusters, heap, workDir).run(documents, documentBytes);
        }
        SECTION.write(output, markdown(date, machine, runs));
        return 0;
    }

    private String markdown(String date, Machine machine, List<VerifierScenario.Run> runs) {
        return "### Verifier: " + date + "\n\n"
            + String.format("- Machine: %d cores, %d MiB, load average %s at start and %s at the end%n",
                machine.cores(), machine.memoryMiB(), machine.loadAverage(), Machine.currentLoadAverage())
            + "- Command: `" + command.strip() + "` (verify JVM: `-Xmx" + heap + "`, documents of ~" + documentBytes
            + " B, equal clusters)\n\n" + VerifierScenario.table(runs, heap);
    }
}
