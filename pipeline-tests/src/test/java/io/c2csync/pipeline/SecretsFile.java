package io.c2csync.pipeline;

import io.c2csync.connector.topics.SecretReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** A properties file read by the worker's {@code FileConfigProvider}: connection strings stay out of connector configs. */
final class SecretsFile {

    private final String pathSeenByWorker;

    private SecretsFile(String pathSeenByWorker) {
        this.pathSeenByWorker = pathSeenByWorker;
    }

    /** Writes {@code secrets} to {@code file}; the worker reads it as {@code pathSeenByWorker}. */
    static SecretsFile write(Path file, String pathSeenByWorker, Map<String, String> secrets) {
        Properties properties = new Properties();
        properties.putAll(secrets);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "c2c-sync pipeline test connection strings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the connection strings to " + file, e);
        }
        return new SecretsFile(pathSeenByWorker);
    }

    SecretReference reference(String key) {
        return SecretReference.file(pathSeenByWorker, key);
    }
}
