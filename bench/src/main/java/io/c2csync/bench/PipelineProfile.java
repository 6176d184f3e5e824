package io.c2csync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;

import io.c2csync.runtime.Await;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * bench/profile: where c2c-sync spends its CPU, in the initial copy or in applying changes. Loads one dataset into the
 * source, starts {@code c2c-sync run} (one sync group) and records a JFR profile of every JVM on the path (the bench
 * JVM holding both emulated clusters, the control plane, the Connect worker, the Kafka broker): for {@code copy} from
 * {@code POST /start} until the documents are on the destination; for {@code changes}, once the copy is done, while
 * the lag scenario's writer runs at a fixed rate and until its last change arrived. Then prints each JVM's CPU seconds,
 * its samples per thread and its hottest methods. A profiling aid, not part of bench/run's report.
 */
@Command(name = "bench/profile", mixinStandardHelpOptions = true,
    description = "Profiles c2c-sync's copy or change application on two emulated clusters (JFR in every JVM on the path).")
public final class PipelineProfile implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineProfile.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    enum Phase { copy, changes }

    @Option(names = "--phase", description = "copy or changes (default ${DEFAULT-VALUE})")
    Phase phase = Phase.copy;

    @Option(names = "--docs", description = "documents copied (default ${DEFAULT-VALUE})")
    int documents = 100_000;

    @Option(names = "--doc-bytes", description = "size of each copied document (default ${DEFAULT-VALUE})")
    int documentBytes = 200;

    @Option(names = "--rate", description = "changes per second written in the changes phase (default ${DEFAULT-VALUE})")
    double rate = 1_000;

    @Option(names = "--seconds", description = "how long the changes phase writes (default ${DEFAULT-VALUE})")
    int seconds = 20;

    @Option(names = "--writer-lanes", description = "client threads of the changes phase's writer, as in bench/run "
        + "(default ${DEFAULT-VALUE})")
    int writerLanes = 4;

    @Option(names = "--top", description = "methods listed per JVM (default ${DEFAULT-VALUE})")
    int top = 25;

    @Option(names = "--work-dir", description = "where each run's folder (its runtime and recordings) goes "
        + "(default ${DEFAULT-VALUE})")
    Path workDir = Path.of("bench/target/profile");

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineProfile()).execute(args));
    }

    @Override
    public Integer call() {
        Dataset dataset = Dataset.of("profile", documentBytes, documents, 1);
        Path runDir = workDir.resolve("run-" + System.currentTimeMillis()).toAbsolutePath();
        try (Clusters clusters = Clusters.start()) {
            LOG.info("Loading {} documents of ~{} B", documents, documentBytes);
            dataset.load(clusters.sourceClient());
            ControlPlaneDeployment c2c = new ControlPlaneDeployment(clusters, runDir, "512m");
            try (ControlPlaneSync sync = c2c.prepare(new SyncPlan("profile", dataset.databases(), true))) {
                Map<String, List<ProcessHandle>> jvms = new LinkedHashMap<>();
                jvms.put("bench JVM (both emulators)", List.of(ProcessHandle.current()));
                jvms.put("control plane", sync.process().controlPlane());
                jvms.put("Connect worker", sync.process().worker());
                jvms.put("Kafka broker", sync.process().broker());
                CostMeter costs = new CostMeter();
                jvms.forEach((name, tree) -> costs.watch(name, () -> tree));
                if (phase == Phase.changes) {
                    sync.begin();
                    sync.awaitCopied(dataset, TIMEOUT);
                }
                try (JfrRecordings recordings = JfrRecordings.start(jvms, runDir)) {
                    costs.start();
                    String measured = phase == Phase.copy ? copy(sync, dataset) : changes(clusters, sync, dataset);
                    List<ProcessCost> cost = costs.stop();
                    Map<String, Path> files = recordings.stop();
                    System.out.printf("%n%s%n", measured);
                    cost.forEach(c -> System.out.printf("%-28s %6.1f CPU s, %,d MiB peak RSS%n", c.process(),
                        c.cpuSeconds(), c.peakRssMiB()));
                    files.forEach((name, file) -> System.out.println(ExecutionProfile.read(file).describe(name, top)));
                }
            }
        }
        return 0;
    }

    private String copy(ControlPlaneSync sync, Dataset dataset) {
        long start = System.nanoTime();
        sync.begin();
        sync.awaitCopied(dataset, TIMEOUT);
        double took = (System.nanoTime() - start) / 1e9;
        return String.format("%,d documents of ~%,d B copied in %.2f s = %,.0f docs/s", documents, documentBytes, took,
            documents / took);
    }

    /** The writer at {@code rate}, then a fence document written after its last change, awaited on the destination. */
    private String changes(Clusters clusters, ControlPlaneSync sync, Dataset dataset) {
        String database = dataset.databases().get(0);
        MongoCollection<Document> source = clusters.sourceClient().getDatabase(database).getCollection("changes");
        MongoCollection<Document> destination = clusters.destinationClient().getDatabase(database).getCollection("changes");
        Rate achieved = new ChangeWriter(source, new WriteLog(), writerLanes).run(rate, Duration.ofSeconds(seconds), 0);
        long written = System.nanoTime();
        source.insertOne(new Document("_id", "fence"));
        Await.await("the fence on the destination", TIMEOUT).guardedBy(sync::ensureHealthy)
            .until(() -> destination.countDocuments(new Document("_id", "fence")) > 0);
        return String.format("%,d changes written in %d s (%,.0f/s of %,.0f/s asked); the last arrived %.2f s after the "
            + "writer stopped", achieved.operations(), seconds, achieved.perSecond(), rate, (System.nanoTime() - written) / 1e9);
    }
}
