package io.c2csync.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.api.ApiToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where the API token comes from: the flag, a file, or the environment (the latter two keep it out of ps). */
class ApiTokenOptionsTest {
    private static final Map<String, String> NO_TOKEN_IN_ENVIRONMENT = Map.of("PATH", "/bin");

    @TempDir
    Path dir;

    @Test
    void noneGivenMeansNoToken() {
        assertThat(parse().resolve(NO_TOKEN_IN_ENVIRONMENT)).isSameAs(ApiToken.NONE);
    }

    @Test
    void theFlagTheFileAndTheEnvironmentEachGiveAToken() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "from-file\n");

        assertThat(parse("--api-token", "from-flag").resolve(NO_TOKEN_IN_ENVIRONMENT).required()).isTrue();
        assertThat(parse("--api-token-file", file.toString()).resolve(NO_TOKEN_IN_ENVIRONMENT).required()).isTrue();
        assertThat(parse().resolve(Map.of(ApiTokenOptions.ENVIRONMENT_VARIABLE, "from-env")).required()).isTrue();
    }

    @Test
    void badSourcesAreNamed() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> parse("--api-token", "a", "--api-token-file", empty.toString())
                .resolve(NO_TOKEN_IN_ENVIRONMENT)).hasMessageContaining("not both");
        assertThatThrownBy(() -> parse("--api-token-file", empty.toString()).resolve(NO_TOKEN_IN_ENVIRONMENT))
                .hasMessageContaining("--api-token-file " + empty);
        assertThatThrownBy(() -> parse("--api-token-file", dir.resolve("missing").toString())
                .resolve(NO_TOKEN_IN_ENVIRONMENT)).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> parse().resolve(Map.of(ApiTokenOptions.ENVIRONMENT_VARIABLE, "two words")))
                .hasMessageContaining(ApiTokenOptions.ENVIRONMENT_VARIABLE);
    }

    @Test
    void theApiBindsToTheLoopbackAddressUnlessToldOtherwise() {
        assertThat(new RunSettings("a", "b", null, null, null, null, null, null, null).resolve().bind())
                .isEqualTo("127.0.0.1");
        assertThat(new RunSettings("a", "b", null, "0.0.0.0", null, null, null, null, null).resolve().bind())
                .isEqualTo("0.0.0.0");
    }

    private static ApiTokenOptions parse(String... args) {
        ApiTokenOptions options = new ApiTokenOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
