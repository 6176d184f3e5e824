package io.c2csync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.c2csync.runtime.RuntimeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** bench/run: every scenario in one run, side by side, then BENCHMARKS.md and the charts. Not a test. */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
    description = "Benchmarks c2c-sync against a direct driver copy and the plain mongo-kafka pipeline on two "
        + "emulated clusters with the embedded Kafka + Connect runtime; writes BENCHMARKS.md and bench/charts/*.png.")
public final class BenchMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);
    private static final int VERIFIER_DOC_BYTES = 1_000;

    @Option(names = "--small-docs", description = "documents of ~200 B to copy (default ${DEFAULT-VALUE})")
    int smallDocs = 100_000;

    @Option(names = "--large-docs", description = "documents of ~16 KB to copy (default ${DEFAULT-VALUE})")
    int largeDocs = 4_000;

    @Option(names = "--groups", description = "sync groups of the multi-group c2c copy; the data is spread over "
        + "this many databases (default ${DEFAULT-VALUE})")
    int groups = 4;

    @Option(names = "--change-seconds", description = "writer duration per rate (default ${DEFAULT-VALUE})")
    int changeSeconds = 15;

    @Option(names = "--rates", split = ",", description = "writer rates in %% of the direct apply rate "
        + "(default ${DEFAULT-VALUE})")
    List<Integer> rates = List.of(10, 25, 50, 100);

    @Option(names = "--writer-lanes", description = "client threads of the writer in the lag scenario, each writing "
        + "its share of the rate to documents of its own (default ${DEFAULT-VALUE}; the direct apply rate is always "
        + "measured with one)")
    int writerLanes = 4;

    @Option(names = "--emulator-ops", description = "operations per emulator-ceiling step, a multiple of 1000 "
        + "(default ${DEFAULT-VALUE})")
    int emulatorOps = 10_000;

    @Option(names = "--copy-timeout-seconds", description = "give up a copy after this long (default ${DEFAULT-VALUE})")
    int copyTimeoutSeconds = 900;

    @Option(names = "--cutover-docs", description = "documents of ~200 B copied before each cutover (default ${DEFAULT-VALUE})")
    int cutoverDocs = 5_000;

    @Option(names = "--cutover-write-seconds", description = "how long the application writes before each cutover "
        + "(default ${DEFAULT-VALUE})")
    int cutoverWriteSeconds = 10;

    @Option(names = "--cutover-rate", description = "the application's rate before a cutover, in %% of the direct apply "
        + "rate (default ${DEFAULT-VALUE}: a rate the sync keeps up with, so that the cutover is measured and not the "
        + "draining of a backlog, which the lag scenario shows)")
    int cutoverRate = 10;

    @Option(names = "--verifier-docs", description = "documents of ~1 KB per cluster in the verifier scenario at its "
        + "end (a quarter verified first; 0 = leave it out; default ${DEFAULT-VALUE})")
    int verifierDocs = 20_000;

    @Option(names = "--verifier-heap", description = "-Xmx of the verify JVM (default ${DEFAULT-VALUE})")
    String verifierHeap = "64m";

    @Option(names = "--control-plane-heap", description = "-Xmx of c2c-sync's control plane JVM (default ${DEFAULT-VALUE})")
    String controlPlaneHeap = "512m";

    @Option(names = "--output", description = "the BENCHMARKS.md to update (default ${DEFAULT-VALUE})")
    Path output = Path.of("BENCHMARKS.md");

    @Option(names = "--charts", description = "folder of the PNG charts (default ${DEFAULT-VALUE})")
    Path charts = Path.of("bench/charts");

    @Option(names = "--work-dir", description = "run folders of the embedded runtime (default ${DEFAULT-VALUE})")
    Path workDir = Path.of("bench/target/runs");

    @Option(names = "--command", description = "the command line to record in BENCHMARKS.md (set by bench/run)")
    String command = "bench/run";

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() {
        if (groups < 2) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--groups must be at least 2, got " + groups);
        }
        if (writerLanes < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--writer-lanes must be at least 1, got "
                + writerLanes);
        }
        if (verifierDocs != 0 && verifierDocs < 4) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--verifier-docs must be 0 or at least 4, got "
                + verifierDocs);
        }
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Machine machine = Machine.now();
        LOG.info("Machine: {} cores, {} MiB, load average {}", machine.cores(), machine.memoryMiB(), machine.loadAverage());
        List<Rate> ceiling = new EmulatorCeiling(emulatorOps).runOnFreshEmulator();
        ceiling.forEach(rate -> LOG.info("Emulator ceiling, {}: {} /s", rate.operation(), Math.round(rate.perSecond())));

        Duration copyTimeout = Duration.ofSeconds(copyTimeoutSeconds);
        List<Dataset> datasets = List.of(Dataset.of("small", 200, smallDocs, groups), Dataset.of("large", 16_384, largeDocs, groups));
        RuntimeConfig defaults = RuntimeConfig.defaults(workDir);
        RuntimeConfig runtimeConfig = new RuntimeConfig(defaults.workDir(), defaults.buildOutput(), 0, 0, 0, "768m",
            defaults.startTimeout(), defaults.stopTimeout(), false);
        Path runDir = workDir.resolve("bench-" + System.currentTimeMillis()).toAbsolutePath();
        try (Clusters clusters = Clusters.start()) {
            List<VerifierScenario.Run> verifier = verifierDocs == 0 ? List.of()
                : new VerifierScenario(clusters, verifierHeap, runDir.resolve("verifier")).run(verifierDocs, VERIFIER_DOC_BYTES);
            ControlPlaneDeployment c2c = new ControlPlaneDeployment(clusters, runDir.resolve("control-plane"),
                controlPlaneHeap);
            MongoKafkaDeployment stock = new MongoKafkaDeployment(clusters, runtimeConfig);
            CostMeter costs = new CostMeter()
                .watch("bench JVM", () -> List.of(ProcessHandle.current()))
                .watch("control plane", c2c::controlPlane)
                .watch("Connect worker", () -> c2c.workerOr(stock.worker()))
                .watch("Kafka broker", () -> c2c.brokerOr(stock.broker()));
            CopyMethod limit = new CopyMethod("direct driver copy (limit)", new DirectCopy(clusters), false);
            CopyMethod baseline = new CopyMethod("mongo-kafka (stock source + sink)", stock, false);
            List<CopyResult> copies = new CopyScenario(clusters, costs, List.of(limit, baseline,
                new CopyMethod("c2c-sync, 1 sync group", c2c, true),
                new CopyMethod("c2c-sync, " + groups + " sync groups", c2c, false)), copyTimeout).run(datasets);
            Duration changeDuration = Duration.ofSeconds(changeSeconds);
            LagScenario lagScenario = new LagScenario(clusters, costs, c2c, changeDuration, writerLanes);
            Rate directApply = lagScenario.directApplyRate();
            LagScenario.Outcome lag = lagScenario.run(directApply, rates);
            Duration cutoverWriting = Duration.ofSeconds(cutoverWriteSeconds);
            List<CutoverResult> cutovers = new CutoverScenario(clusters, costs, c2c, cutoverDocs, cutoverWriting,
                copyTimeout).run(directApply.perSecond() * cutoverRate / 100);

            List<Path> written = writeCharts(ceiling, copies, lag);
            List<Report.CostRow> costRows = new ArrayList<>();
            copies.forEach(c -> costRows.add(new Report.CostRow("copy " + c.dataset().label() + ", " + c.method(), c.costs())));
            lag.results().forEach(l -> costRows.add(new Report.CostRow("changes at " + l.percent() + " %", l.costs())));
            cutovers.forEach(c -> costRows.add(new Report.CostRow("cutover and reverse, " + c.label(), c.costs())));
            new Report(date, machine, Machine.currentLoadAverage(), command, String.format(
                    "--small-docs %d --large-docs %d --groups %d --change-seconds %d --rates %s --emulator-ops %d "
                        + "--cutover-docs %d --cutover-write-seconds %d --cutover-rate %d --verifier-docs %d",
                    smallDocs, largeDocs, groups, changeSeconds, rates.toString().replaceAll("[\\[\\] ]", ""), emulatorOps,
                    cutoverDocs, cutoverWriteSeconds, cutoverRate, verifierDocs))
                .ceiling(ceiling).copies(copies, limit.label(), baseline.label()).lag(lag, changeDuration)
                .cutovers(cutovers, cutoverWriting).verifier(verifier, verifierHeap, VERIFIER_DOC_BYTES)
                .costs(costRows).charts(written, output).writeInto(output);
            LOG.info("Wrote {} and {} charts in {}", output, written.size(), charts);
        }
        return 0;
    }

    private List<Path> writeCharts(List<Rate> ceiling, List<CopyResult> copies, LagScenario.Outcome lag) {
        String note = "Measured " + ZonedDateTime.now(ZoneOffset.UTC).toLocalDate() + " on " + Machine.now().cores()
            + " cores, load average " + Machine.currentLoadAverage();
        List<String> datasets = copies.stream().map(c -> c.dataset().label() + " (~" + c.dataset().documentBytes() + " B)")
            .distinct().toList();
        List<String> methods = copies.stream().map(CopyResult::method).distinct().toList();
        double[][] docsPerSecond = new double[datasets.size()][methods.size()];
        double[][] megabytesPerSecond = new double[datasets.size()][methods.size()];
        for (int d = 0; d < datasets.size(); d++) {
            for (int m = 0; m < methods.size(); m++) {
                CopyResult result = copies.get(d * methods.size() + m);
                docsPerSecond[d][m] = result.documentsPerSecond();
                megabytesPerSecond[d][m] = result.megabytesPerSecond();
            }
        }
        List<Path> written = new ArrayList<>();
        written.add(charts.resolve("copy-docs-per-second.png"));
        BarChart.write(written.get(0), "Initial copy: documents per second", "docs/s", datasets, methods, docsPerSecond, note);
        written.add(charts.resolve("copy-mb-per-second.png"));
        BarChart.write(written.get(1), "Initial copy: MB per second", "MB/s", datasets, methods, megabytesPerSecond, note);
        written.add(charts.resolve("emulator-ceiling.png"));
        BarChart.write(written.get(2), "Emulator ceiling (one client thread)", "operations/s", List.of("emulator"),
            ceiling.stream().map(Rate::operation).toList(),
            new double[][] {ceiling.stream().mapToDouble(Rate::perSecond).toArray()}, note);
        Map<String, List<double[]>> lagSeries = new LinkedHashMap<>();
        lag.results().forEach(r -> lagSeries.put(String.format("%d %% (%,.0f ops/s)", r.percent(), r.achieved().perSecond()),
            r.samples().stream().map(s -> new double[] {s.secondsIntoRun(), s.lagMillis()}).toList()));
        written.add(charts.resolve("lag-over-time.png"));
        ScatterChart.write(written.get(3), "Change application lag through c2c-sync", "lag ms", "seconds into the run",
            lagSeries, note);
        return written;
    }
}
