package io.c2csync.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aFlagWinsOverTheConfigFileWhichWinsOverTheDefaults() throws Exception {
        Path file = dir.resolve("c2c.yml");
        Files.writeString(file, """
                cluster0: mongodb://a:1/
                cluster1: mongodb://b:1/
                port: 28000
                connect-url: http://connect:8083
                id: from-file
                database-groups: 0
                """);
        RunSettings flags = new RunSettings(null, "mongodb://flag:1/", null, null, null, null, null, "debug", null);

        RunSettings.Resolved run = flags.orElse(RunSettings.read(file)).resolve();

        assertThat(run.cluster0()).isEqualTo("mongodb://a:1/");
        assertThat(run.cluster1()).isEqualTo("mongodb://flag:1/");
        assertThat(run.port()).isEqualTo(28000);
        assertThat(run.bind()).isEqualTo("127.0.0.1");
        assertThat(run.connectUrl()).isEqualTo(URI.create("http://connect:8083"));
        assertThat(run.id()).isEqualTo("from-file");
        assertThat(run.verbosity()).isEqualTo("DEBUG");
        assertThat(run.workDir()).isEqualTo(Path.of("c2c-sync-work"));
        assertThat(run.databaseGroups()).isZero();
    }

    @Test
    void anUnknownKeyInTheFileIsNamed() throws Exception {
        Path file = dir.resolve("c2c.yml");
        Files.writeString(file, "cluster0: x\nclsuter1: y\n");
        assertThatThrownBy(() -> RunSettings.read(file)).hasMessageContaining("unknown key 'clsuter1'");
    }

    @Test
    void missingClustersAndBadValuesAreRefusedWithTheFlagName() {
        assertThatThrownBy(() -> RunSettings.EMPTY.resolve()).hasMessageContaining("--cluster0 is required");
        RunSettings clusters = new RunSettings("a", "b", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> new RunSettings("a", "b", null, null, null, "has space", null, null, null).resolve())
                .hasMessageContaining("--id");
        assertThatThrownBy(() -> new RunSettings("a", "b", null, null, null, null, null, "LOUD", null).resolve())
                .hasMessageContaining("--verbosity");
        assertThatThrownBy(() -> new RunSettings("a", "b", 70000, null, null, null, null, null, null).resolve())
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> new RunSettings("a", "b", null, null, null, null, null, null, null, -1).resolve())
                .hasMessageContaining("--database-groups must be 0..16, got -1");
        assertThat(clusters.resolve().port()).isEqualTo(27182);
        assertThat(clusters.resolve().databaseGroups()).isEqualTo(16);
    }

    @Test
    void runIsTheDefaultCommand() {
        assertThat(C2cSyncCommand.withDefaultCommand(new String[] {"--cluster0", "x"}))
                .containsExactly("run", "--cluster0", "x");
        assertThat(C2cSyncCommand.withDefaultCommand(new String[] {"runtime", "--work-dir", "w"}))
                .containsExactly("runtime", "--work-dir", "w");
        assertThat(C2cSyncCommand.withDefaultCommand(new String[] {"--help"})).containsExactly("--help");
    }
}
