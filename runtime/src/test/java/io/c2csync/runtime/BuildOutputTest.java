package io.c2csync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildOutputTest {

    @TempDir
    Path folder;

    @Test
    void missingFolderTellsToBuildFirst() {
        Path missing = folder.resolve("kafka-libs");

        assertThatThrownBy(() -> new BuildOutput(missing, folder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(BuildOutput.KAFKA_LIBS_PROPERTY)
                .hasMessageContaining("run mvn -B package first");
    }

    @Test
    void testsGetBothFoldersFromTheBuild() {
        BuildOutput buildOutput = BuildOutput.fromSystemProperties();

        assertThat(buildOutput.kafkaLibs()).isDirectoryContaining(path -> path.getFileName().toString()
                .startsWith("kafka_2.13-"));
        assertThat(buildOutput.pluginPath()).isDirectoryContaining(path -> path.endsWith("c2c-sync-connector"));
    }
}
