package io.c2csync.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build output the embedded runtime needs: the child JVMs' classpath folder
 * ({@code runtime/target/kafka-libs}) and the parent of the connector plugin folder
 * ({@code connector/target/plugins}). Both are named by system properties, which the launcher and
 * the test configuration set.
 */
public record BuildOutput(Path kafkaLibs, Path pluginPath) {

    public static final String KAFKA_LIBS_PROPERTY = "c2c.kafka.libs";
    public static final String PLUGIN_PATH_PROPERTY = "c2c.plugin.path";

    public BuildOutput {
        requireFolder(KAFKA_LIBS_PROPERTY, kafkaLibs);
        requireFolder(PLUGIN_PATH_PROPERTY, pluginPath);
        kafkaLibs = kafkaLibs.toAbsolutePath().normalize();
        pluginPath = pluginPath.toAbsolutePath().normalize();
    }

    public static BuildOutput fromSystemProperties() {
        return new BuildOutput(folderFromProperty(KAFKA_LIBS_PROPERTY), folderFromProperty(PLUGIN_PATH_PROPERTY));
    }

    private static Path folderFromProperty(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; the launcher bin/c2c-sync "
                    + "and the Maven test configuration set it (run mvn -B package first)");
        }
        return Path.of(value);
    }

    private static void requireFolder(String property, Path folder) {
        if (folder == null) {
            throw new IllegalArgumentException(property + " must name a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Folder " + folder.toAbsolutePath() + " (" + property
                    + ") does not exist; run mvn -B package first");
        }
    }
}
