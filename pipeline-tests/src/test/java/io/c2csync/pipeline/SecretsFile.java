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

    static final String SOURCE_URI = "source.uri";
    static final String DESTINATION_URI = "destination.uri";

    private final String pathSeenByWorker;

    private SecretsFile(String pathSeenByWorker) {
        this.pathSeenByWorker = pathSeenByWorker;
    }

    /** Writes both connection strings to {@code file}; the worker reads it as {@code pathSeenByWorker}. */
    static SecretsFile write(Path file, String pathSeenByWorker, String sourceUri, String destinationUri) {
        writeProperties(file, Map.of(SOURCE_URI, sourceUri, DESTINATION_URI, destinationUri));
        return new SecretsFile(pathSeenByWorker);
    }

    static void writeProperties(Path file, Map<String, String> secrets) {
        Properties properties = new Properties();
        properties.putAll(secrets);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "written by the c2c-sync pipeline tests");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    SecretReference reference(String key) {
        return SecretReference.file(pathSeenByWorker, key);
    }
}
