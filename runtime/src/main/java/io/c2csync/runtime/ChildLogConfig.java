package io.c2csync.runtime;

import java.nio.file.Path;

/**
 * The log4j2 configuration of the child JVMs: everything to the console at INFO, which
 * {@link ChildJvm} redirects to the child's log file under the run folder.
 */
final class ChildLogConfig {

    private static final String CONFIG = """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.stdout.ref = STDOUT
            # the full config dump of every client and worker
            logger.configs.name = org.apache.kafka.common.config.AbstractConfig
            logger.configs.level = WARN
            """;

    private ChildLogConfig() {
    }

    static Path write(Path runDir) {
        return RunFiles.writeString(runDir.resolve("log4j2.properties"), CONFIG);
    }
}
