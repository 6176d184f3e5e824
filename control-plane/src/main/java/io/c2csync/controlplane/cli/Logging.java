package io.c2csync.controlplane.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** {@code --verbosity} and {@code --logPath}: reconfigures log4j with the level and, if asked, a log file. */
final class Logging {
    static final String LOG_DIR_PROPERTY = "c2c.logPath";

    private Logging() {
    }

    static void configure(Path logPath, String verbosity) {
        if (logPath != null) {
            System.setProperty(LOG_DIR_PROPERTY, logPath.toAbsolutePath().toString());
            try {
                Configurator.reconfigure(Logging.class.getResource("log4j2-file.xml").toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("the log configuration log4j2-file.xml is not on the classpath", e);
            }
        }
        Configurator.setLevel("io.c2csync", Level.valueOf(verbosity));
    }
}
