package io.c2csync.controlplane.progress;

import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.ProgressSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The contract's {@code canCommit}: copy done, CEA running, indexes built, lag at most 30 s. */
public final class CommitReadiness {
    public static final Duration MAX_LAG = Duration.ofSeconds(30);

    private CommitReadiness() {
    }

    /** The conditions that keep a commit from succeeding now; empty when it can commit. */
    public static List<String> unmetConditions(Observation observation, Optional<Duration> lag) {
        List<String> unmet = new ArrayList<>();
        Optional<ProgressSample> sample = observation.sampleIfRead();
        if (sample.isEmpty()) {
            unmet.add("the progress signals could not be read");
        } else {
            CopyProgress copy = sample.get().copy();
            if (!copy.done()) {
                unmet.add("the collection copy is not done (" + copy.estimatedCopiedBytes() + " of about "
                        + copy.estimatedTotalBytes() + " bytes copied)");
            }
            if (!sample.get().indexesBuilt()) {
                unmet.add("indexes are still being built on the destination");
            }
        }
        Optional<PipelineStatus> pipeline = observation.pipelineIfRead();
        if (pipeline.isEmpty()) {
            unmet.add("the connector status could not be read");
        } else {
            unmet.addAll(pipelineConditions(pipeline.get()));
        }
        if (lag.isEmpty()) {
            unmet.add("no heartbeat has reached the destination yet, so the lag is unknown");
        } else if (lag.get().compareTo(MAX_LAG) > 0) {
            unmet.add("the lag is " + lag.get().toSeconds() + " s, more than " + MAX_LAG.toSeconds() + " s");
        }
        return unmet;
    }

    private static List<String> pipelineConditions(PipelineStatus pipeline) {
        Optional<String> historyLost = ChangeStreamHistoryLoss.warning(pipeline);
        if (historyLost.isPresent()) {
            return List.of(historyLost.get());
        }
        if (pipeline.allRunning()) {
            return List.of();
        }
        return List.of("change event application is not running (connectors: " + pipeline.connectors().stream()
                .map(c -> c.name() + " " + c.state()
                        + (c.failedTasks().isEmpty() ? "" : " with " + c.failedTasks().size() + " failed task(s)"))
                .collect(Collectors.joining(", ")) + ")");
    }
}
