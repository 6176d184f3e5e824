package io.c2csync.pipeline;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Runs a test class only where Testcontainers finds a Docker engine; elsewhere each test is skipped with the reason. */
final class DockerEngineCondition implements ExecutionCondition {

    private static final Logger LOG = LoggerFactory.getLogger(DockerEngineCondition.class);
    static final String NO_DOCKER = "No Docker engine here: the pipeline suite on real MongoDB 7, Kafka and Connect"
            + " (Testcontainers) is skipped; EmulatedPipelineTest runs the same suite on the emulator";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine is available");
        }
        if (context.getTestMethod().isEmpty()) {
            LOG.warn("{}: {}", context.getDisplayName(), NO_DOCKER);
        }
        return ConditionEvaluationResult.disabled(NO_DOCKER);
    }
}
