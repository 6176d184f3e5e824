package io.c2csync.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which package may know which outside world, checked on the main sources' imports. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/c2csync/controlplane");

    private record Source(String packageName, Path file, List<String> imports) {
        boolean imports(String prefix) {
            return imports.stream().anyMatch(i -> i.startsWith(prefix));
        }
    }

    private static List<Source> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(ArchitectureTest::read).toList();
        }
    }

    private static Source read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> imports = lines.stream().filter(l -> l.startsWith("import "))
                    .map(l -> l.substring("import ".length()).replace("static ", "")).toList();
            return new Source(MAIN.relativize(file.getParent()).toString().replace('/', '.'), file, imports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSourcesAreFound() throws IOException {
        assertThat(sources()).extracting(Source::packageName).contains("api", "sync", "cutover", "coordinator");
    }

    @Test
    void onlyTheApiKnowsTheHttpServer() throws IOException {
        assertThat(sources()).filteredOn(s -> s.imports("com.sun.net.httpserver"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.packageName()).as(s.file().toString()).isEqualTo("api"));
    }

    @Test
    void theDriverStaysInTheClusterFacingPackages() throws IOException {
        // mongo: admin commands; signals: marker CRUD; verify: the verifier's reads; cli: creates the verifier's clients;
        // demo: the demo's sample data and application writes
        assertThat(sources()).filteredOn(s -> s.imports("com.mongodb"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.packageName()).as(s.file().toString())
                        .isIn("mongo", "signals", "verify", "cli", "demo"));
    }

    @Test
    void onlyTheMongoPackageRunsCommands() throws IOException {
        assertThat(sources()).filteredOn(s -> !s.packageName().equals("mongo"))
                .allSatisfy(s -> assertThat(Files.readString(s.file())).as(s.file().toString())
                        .doesNotContain("runCommand("));
    }

    @Test
    void bsonTypesStayWithTheDriverAndTheConnectorConfigs() throws IOException {
        assertThat(sources()).filteredOn(s -> s.imports("org.bson"))
                .allSatisfy(s -> assertThat(s.packageName()).as(s.file().toString())
                        .isIn("mongo", "signals", "connect", "verify", "cli", "demo"));
    }

    @Test
    void onlyTheTelemetryKnowsMicrometer() throws IOException {
        assertThat(sources()).filteredOn(s -> s.imports("io.micrometer"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.packageName()).as(s.file().toString()).isEqualTo("telemetry"));
    }

    @Test
    void theStateMachineHasNoIoTypes() throws IOException {
        assertThat(sources()).filteredOn(s -> s.packageName().equals("sync"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.imports()).as(s.file().toString()).noneMatch(i ->
                        i.startsWith("com.sun.net") || i.startsWith("com.mongodb") || i.startsWith("org.bson")
                                || i.startsWith("java.net") || i.startsWith("java.io") || i.startsWith("java.nio")
                                || i.startsWith("com.fasterxml") || i.startsWith("io.c2csync.controlplane.")
                                && !i.startsWith("io.c2csync.controlplane.sync.")));
    }
}
