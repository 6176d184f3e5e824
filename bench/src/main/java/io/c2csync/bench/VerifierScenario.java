package io.c2csync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/c2c-sync verify} over two equal emulated clusters, in a child JVM with a fixed, pre-touched heap (so
 * that its RSS does not grow by the heap being committed), after each step of data is loaded into both: time, and
 * the child's peak RSS ({@code VmHWM}, sampled while it runs). The emulators stay in the bench JVM, so the child's
 * memory is the verifier's alone.
 */
final class VerifierScenario {

    private static final Logger LOG = LoggerFactory.getLogger(VerifierScenario.class);
    private static final String VERIFY_MAIN = "io.c2csync.controlplane.cli.C2cSyncCommand";

    /** One verification: every document loaded so far compared on both sides. */
    record Run(long documents, long bytes, double seconds, long peakRssMiB) {
        double documentsPerSecond() {
            return documents / seconds;
        }
    }

    private final Clusters clusters;
    private final String heap;
    private final Path logDir;

    VerifierScenario(Clusters clusters, String heap, Path logDir) {
        this.clusters = clusters;
        this.heap = heap;
        this.logDir = logDir;
    }

    /**
     * {@code documents} of {@code documentBytes} in the end, a quarter of them verified first; the clusters must hold
     * no other user data. Both clusters are left without the documents.
     */
    List<Run> run(int documents, int documentBytes) {
        List<Dataset> steps = List.of(Dataset.of("verify_first", documentBytes, documents / 4, 1),
            Dataset.of("verify_rest", documentBytes, documents - documents / 4, 1));
        try {
            return run(steps);
        } finally {
            List<String> databases = steps.stream().flatMap(step -> step.databases().stream()).toList();
            clusters.clearDestination(databases);
            databases.forEach(database -> clusters.sourceClient().getDatabase(database).drop());
        }
    }

    /** A verification of the empty clusters first (the JVM's own footprint), then one after each dataset. */
    private List<Run> run(List<Dataset> steps) {
        List<Run> runs = new ArrayList<>();
        runs.add(verify(0, 0));
        long documents = 0;
        long bytes = 0;
        for (Dataset step : steps) {
            long started = System.nanoTime();
            CompletableFuture<Void> destination = CompletableFuture.runAsync(() -> step.load(clusters.destinationClient()));
            step.load(clusters.sourceClient());
            destination.join();
            LOG.info("Loaded {} documents of ~{} B into both clusters in {} s", step.documents(), step.documentBytes(),
                (System.nanoTime() - started) / 1_000_000_000);
            documents += step.documents();
            bytes += step.totalBytes();
            runs.add(verify(documents, bytes));
        }
        return runs;
    }

    private Run verify(long documents, long bytes) {
        Path log = logDir.resolve("verify-" + documents + ".log");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", "-cp", System.getProperty("java.class.path"), VERIFY_MAIN, "verify",
            "--cluster0", clusters.source().connectionString(), "--cluster1", clusters.destination().connectionString())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            Files.createDirectories(logDir);
            long started = System.nanoTime();
            Process child = command.start();
            long peakKiB = 0;
            while (!child.waitFor(100, TimeUnit.MILLISECONDS)) {
                peakKiB = Math.max(peakKiB, peakRssWhileAlive(child));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (child.exitValue() != 0) {
                throw new IllegalStateException("c2c-sync verify exited with " + child.exitValue() + " on " + documents
                    + " documents; output in " + log + ":\n" + Files.readString(log));
            }
            Run run = new Run(documents, bytes, seconds, peakKiB / 1024);
            LOG.info("Verified {} documents in {} s, peak RSS {} MiB (heap limit {})", documents,
                String.format("%.1f", seconds), run.peakRssMiB(), heap);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run c2c-sync verify", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while c2c-sync verify ran", e);
        }
    }

    /** The process's VmHWM, or 0 once it is exiting (its /proc entry then lacks the line, or is gone). */
    private static long peakRssWhileAlive(Process child) {
        try {
            return CostMeter.peakRssKiB(child.pid());
        } catch (UncheckedIOException | IllegalStateException e) {
            if (child.isAlive() && Files.exists(Path.of("/proc", Long.toString(child.pid()), "exe"))) {
                throw e;
            }
            return 0;
        }
    }

    /** The runs as a Markdown table, then the time and memory per million documents derived from them. */
    static String table(List<Run> runs, String heap) {
        StringBuilder md = new StringBuilder()
            .append("| documents compared | MB per side | seconds | documents/s | peak RSS of the verify JVM (MiB) |\n")
            .append("|---:|---:|---:|---:|---:|\n");
        for (Run run : runs) {
            md.append(String.format("| %,d | %.1f | %.2f | %s | %,d |%n", run.documents(), run.bytes() / 1e6,
                run.seconds(), run.documents() == 0 ? "-" : String.format("%,.0f", run.documentsPerSecond()),
                run.peakRssMiB()));
        }
        Run empty = runs.get(0);
        Run smaller = runs.get(1);
        Run larger = runs.get(runs.size() - 1);
        double perMillionSeconds = (larger.seconds() - smaller.seconds()) / (larger.documents() - smaller.documents())
            * 1_000_000;
        long lowestRss = runs.stream().mapToLong(Run::peakRssMiB).min().orElseThrow();
        long highestRss = runs.stream().mapToLong(Run::peakRssMiB).max().orElseThrow();
        md.append(String.format("%n- Time per million documents (per side): %.0f s, from the growth between the two "
                + "non-empty runs; the fixed part (JVM start, connections, catalog) is the empty run's %.1f s.%n",
            perMillionSeconds, empty.seconds()));
        md.append(String.format("- Memory: the verify JVM's heap is fixed and pre-touched (`-Xms%1$s -Xmx%1$s`); its peak "
                + "RSS stayed between %2$,d and %3$,d MiB at every size (%4$,d MiB with empty clusters, %5$,d MiB after "
                + "%6$,d documents, %7$.0f MB per side). Growth per million documents: %8$.0f MiB (only meaningful once "
                + "a side holds more than the heap, as in `bench/run-verifier`'s default).%n",
            heap, lowestRss, highestRss, empty.peakRssMiB(), larger.peakRssMiB(), larger.documents(), larger.bytes() / 1e6,
            (larger.peakRssMiB() - smaller.peakRssMiB()) * 1_000_000.0 / (larger.documents() - smaller.documents())));
        return md.toString();
    }
}
