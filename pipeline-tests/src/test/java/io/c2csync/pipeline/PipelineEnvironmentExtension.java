package io.c2csync.pipeline;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link PipelineEnvironment} per test class: started before its first test, shared by its
 * tests (each uses databases and connectors of its own), closed after its last test. A starter may
 * abort (JUnit assumption) to skip the class, e.g. when there is no Docker engine.
 */
final class PipelineEnvironmentExtension implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<PipelineEnvironment> starter;
    private volatile PipelineEnvironment environment;

    PipelineEnvironmentExtension(Supplier<PipelineEnvironment> starter) {
        this.starter = starter;
    }

    PipelineEnvironment get() {
        if (environment == null) {
            throw new IllegalStateException("The pipeline environment is not running: register "
                    + getClass().getSimpleName() + " as a static @RegisterExtension field");
        }
        return environment;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        environment = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PipelineEnvironment running = environment;
        environment = null;
        if (running != null) {
            running.close();
        }
    }
}
