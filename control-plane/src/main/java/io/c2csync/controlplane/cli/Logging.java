package io.c2csync.controlplane.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** {@code --verbosity} and {@code --logPath}: the level of c2c-sync's loggers and, if asked, a log directory. */
final class Logging {

    private Logging() {
    }

    static void configure(Path logPath, String verbosity) {
        if (logPath != null) {
            LogDirectory.use(logPath);
        }
        Configurator.setLevel("io.c2csync", Level.valueOf(verbosity));
    }
}
