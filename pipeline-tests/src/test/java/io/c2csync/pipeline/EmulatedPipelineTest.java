package io.c2csync.pipeline;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pipeline suite on two emulated replica sets (auth on) and the embedded Kafka broker + Connect worker. */
class EmulatedPipelineTest
        implements CrudRoundTrips, DdlRoundTrips, FilterRoundTrips, CrashRecovery, ParallelGroups,
        GroupBoundaries {

    @RegisterExtension
    static final PipelineEnvironmentExtension ENVIRONMENT = new PipelineEnvironmentExtension(
            () -> EmulatedEnvironment.start(Path.of("target", "embedded-runtime")));

    @Override
    public PipelineEnvironment environment() {
        return ENVIRONMENT.get();
    }
}
