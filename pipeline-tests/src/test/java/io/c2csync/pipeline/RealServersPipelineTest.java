package io.c2csync.pipeline;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same pipeline suite on real MongoDB 7 replica sets, Kafka and Connect in containers
 * (Testcontainers). Runs where a Docker engine exists and is skipped, with the reason, where none
 * does; {@code -Dgroups=real-servers} runs only this environment, {@code -DexcludedGroups=real-servers}
 * leaves it out.
 */
@Tag("real-servers")
@ExtendWith(DockerEngineCondition.class)
class RealServersPipelineTest
        implements CrudRoundTrips, DdlRoundTrips, FilterRoundTrips, CrashRecovery, ParallelGroups,
        GroupBoundaries {

    @RegisterExtension
    static final PipelineEnvironmentExtension ENVIRONMENT = new PipelineEnvironmentExtension(
            () -> ContainerEnvironment.start(Path.of("target", "containers")));

    @Override
    public PipelineEnvironment environment() {
        return ENVIRONMENT.get();
    }
}
