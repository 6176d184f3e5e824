package io.c2csync.controlplane.cli;

import io.c2csync.controlplane.api.ApiToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --api-token}, {@code --api-token-file} or the environment variable {@value #ENVIRONMENT_VARIABLE}:
 * the bearer token the API requires. The file and the variable keep the token out of {@code ps}.
 */
final class ApiTokenOptions {
    static final String ENVIRONMENT_VARIABLE = "C2C_API_TOKEN";

    @Option(names = "--api-token", paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' on every request (API, page, metrics). Shown by ps:"
                    + " prefer --api-token-file or the environment variable " + ENVIRONMENT_VARIABLE + ".")
    private String token;

    @Option(names = "--api-token-file", paramLabel = "FILE",
            description = "As --api-token, the token read from FILE (one line).")
    private Path file;

    /** The token of the flag, else of the file, else of the environment; {@link ApiToken#NONE} if none is given. */
    ApiToken resolve(Map<String, String> environment) {
        if (token != null && file != null) {
            throw new IllegalArgumentException("give --api-token or --api-token-file, not both");
        }
        try {
            if (token != null) {
                return ApiToken.of(token);
            }
            if (file != null) {
                return ApiToken.of(read(file).strip());
            }
            String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
            return fromEnvironment == null ? ApiToken.NONE : ApiToken.of(fromEnvironment);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source() + ": " + e.getMessage(), e);
        }
    }

    private String source() {
        return token != null ? "--api-token" : file != null ? "--api-token-file " + file : ENVIRONMENT_VARIABLE;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("--api-token-file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
