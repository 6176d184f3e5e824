package io.c2csync.controlplane.progress;

import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.ProgressSample;
import java.util.List;
import java.util.Optional;

/**
 * What the outside world reported at one moment. A signal that could not be read is null, and
 * why is in {@code warnings}.
 */
public record Observation(
        ProgressSample sample, PipelineStatus pipeline, long sourcePingMs, long destinationPingMs,
        List<String> warnings) {

    public static final long PING_FAILED = -1;

    public Observation {
        warnings = List.copyOf(warnings);
    }

    public Optional<ProgressSample> sampleIfRead() {
        return Optional.ofNullable(sample);
    }

    public Optional<PipelineStatus> pipelineIfRead() {
        return Optional.ofNullable(pipeline);
    }
}
