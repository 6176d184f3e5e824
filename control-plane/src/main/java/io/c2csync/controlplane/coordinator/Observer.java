package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.progress.Observation;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.ProgressSignals;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Reads every signal of the outside world once; an unreachable one becomes a warning, not a failure. */
final class Observer {
    private final Clusters clusters;
    private final Pipeline pipeline;
    private final ProgressSignals signals;

    Observer(Clusters clusters, Pipeline pipeline, ProgressSignals signals) {
        this.clusters = clusters;
        this.pipeline = pipeline;
        this.signals = signals;
    }

    Observation observe(SyncRecord record) {
        List<String> warnings = new ArrayList<>(pipeline.hostWarnings());
        var sample = read(() -> signals.sample(record.currentPair()), "progress signals", warnings);
        var status = read(() -> pipeline.status(record.pair()), "connector status", warnings);
        return new Observation(sample, status, ping(record.direction().source(), warnings),
                ping(record.direction().destination(), warnings), warnings);
    }

    /** A failed ping says, while it lasts, that the cluster cannot be reached (or what else failed). */
    private long ping(ClusterName name, List<String> warnings) {
        try {
            return clusters.get(name).pingMillis();
        } catch (SyncException e) {
            warnings.add(clusters.describe(name) + (e.error() == SyncError.CLUSTER_UNREACHABLE ? " is unreachable: "
                    : " unavailable: ") + e.description());
            return Observation.PING_FAILED;
        }
    }

    private static <T> T read(Supplier<T> signal, String what, List<String> warnings) {
        try {
            return signal.get();
        } catch (SyncException e) {
            warnings.add(what + " unavailable: " + e.description());
            return null;
        }
    }
}
