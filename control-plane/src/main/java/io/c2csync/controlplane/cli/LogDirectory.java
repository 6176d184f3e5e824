package io.c2csync.controlplane.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * {@code --logPath <dir>}: the JSON log lines go to a rolling {@code c2c-sync.log} in that
 * directory instead of stderr (rolled daily and at 100 MB, gzipped, 30 kept).
 */
public final class LogDirectory {
    static final String PROPERTY = "c2c.logPath";
    static final String CONFIG = "io/c2csync/controlplane/cli/log4j2.xml";
    public static final String FILE_NAME = "c2c-sync.log";

    private LogDirectory() {
    }

    /** Creates the directory if needed and switches logging to it; a directory that cannot be written is an error. */
    public static void use(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("--logPath " + directory + " cannot be created: " + e.getMessage(), e);
        }
        if (!Files.isWritable(absolute)) {
            throw new IllegalArgumentException("--logPath " + directory + " is not writable");
        }
        System.setProperty(PROPERTY, absolute.toString());
        ((LoggerContext) LogManager.getContext(false)).setConfigLocation(configUri());
    }

    private static URI configUri() {
        URL config = LogDirectory.class.getClassLoader().getResource(CONFIG);
        if (config == null) {
            throw new IllegalStateException("the logging configuration " + CONFIG + " is not on the classpath");
        }
        try {
            return config.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the logging configuration has no valid URI: " + config, e);
        }
    }
}
