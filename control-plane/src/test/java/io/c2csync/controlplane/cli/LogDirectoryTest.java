package io.c2csync.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The c2c-sync process's own logging: JSON lines, masked passwords, into {@code --logPath}. */
class LogDirectoryTest {
    private static final Logger log = LoggerFactory.getLogger("io.c2csync.controlplane.coordinator.ProcedureRunner");
    private static final String SECRET_URI = "mongodb://admin:s3cret@db0.example:27017/?replicaSet=rs0";

    @TempDir
    Path directory;
    private URI testConfig;

    @BeforeEach
    void rememberTheTestConfiguration() {
        testConfig = context().getConfigLocation();
    }

    @AfterEach
    void restoreTheTestConfiguration() {
        System.clearProperty(LogDirectory.PROPERTY);
        context().setConfigLocation(testConfig);
        MDC.clear();
    }

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    private List<JsonNode> logLines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(directory.resolve("logs").resolve(LogDirectory.FILE_NAME))) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    @Test
    void writesOneJsonObjectPerLineWithSyncIdPhaseAndMaskedConnectionStrings() throws IOException {
        LogDirectory.use(directory.resolve("logs"));
        MDC.put("syncId", "sync-a");
        MDC.put("syncState", "COMMITTING");

        log.info("Commit step 3/6 done in 812 ms");
        log.warn("Connecting to {} failed", SECRET_URI, new IllegalStateException("timeout talking to " + SECRET_URI));

        List<JsonNode> lines = logLines();
        assertThat(lines).hasSize(2);
        JsonNode step = lines.get(0);
        assertThat(step.get("level").textValue()).isEqualTo("INFO");
        assertThat(step.get("component").textValue()).isEqualTo("io.c2csync.controlplane.coordinator.ProcedureRunner");
        assertThat(step.get("syncId").textValue()).isEqualTo("sync-a");
        assertThat(step.get("phase").textValue()).isEqualTo("COMMITTING");
        assertThat(step.get("message").textValue()).isEqualTo("Commit step 3/6 done in 812 ms");
        assertThat(step.get("timestamp").textValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode failure = lines.get(1);
        assertThat(failure.get("level").textValue()).isEqualTo("WARN");
        assertThat(failure.get("message").textValue())
                .startsWith("Connecting to mongodb://admin:****@db0.example:27017/?replicaSet=rs0 failed\n")
                .contains("java.lang.IllegalStateException: timeout talking to mongodb://admin:****@db0.example:27017")
                .contains("at io.c2csync.controlplane.cli.LogDirectoryTest.");
        assertThat(Files.readString(directory.resolve("logs").resolve(LogDirectory.FILE_NAME))).doesNotContain("s3cret");
    }

    @Test
    void aPathThatCannotBeADirectoryIsAClearError() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "x");

        assertThatThrownBy(() -> LogDirectory.use(file.resolve("logs"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("--logPath " + file.resolve("logs") + " cannot be created");
    }
}
