package io.c2csync.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration {@code run} can judge by itself fails the start-up, before anything starts, naming what to fix. */
class RunStartupErrorsTest {
    private static final String GOOD = "mongodb://127.0.0.1:27017/?replicaSet=rs0";

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"mongodb://sync:s3cret-pw@db0:notaport/?replicaSet=rs0", "http://sync:s3cret-pw@db0:27017",
        "mongodb://sync:s3cret-pw@db0:27017/?replicaSet=rs0&unknownOption=x&w=-5", "mongodb://sync:s3cret-pw@"})
    void anUnparseableConnectionStringNamesItsFlagAndHidesThePassword(String cluster1) {
        StringWriter err = new StringWriter();

        int exit = run(err, "--cluster0", GOOD, "--cluster1", cluster1);

        assertThat(exit).isEqualTo(C2cSyncCommand.EXIT_FAILURE);
        assertThat(err.toString()).contains("--cluster1").doesNotContain("s3cret-pw");
        assertThat(workDir.resolve("bad").resolve("runtime")).as("nothing started").doesNotExist();
    }

    @Test
    void anApiTokenFileThatCannotBeReadIsNamed() {
        StringWriter err = new StringWriter();

        int exit = run(err, "--cluster0", GOOD, "--cluster1", GOOD, "--api-token-file",
                workDir.resolve("missing-token").toString());

        assertThat(exit).isEqualTo(C2cSyncCommand.EXIT_FAILURE);
        assertThat(err.toString()).contains("--api-token-file", "missing-token", "cannot be read");
        assertThat(workDir.resolve("bad").resolve("runtime")).as("nothing started").doesNotExist();
    }

    private int run(StringWriter err, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--port", "0", "--work-dir", workDir.toString(), "--id", "bad"}, 0, all,
                args.length, 6);
        return C2cSyncCommand.commandLine().setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true)).execute(C2cSyncCommand.withDefaultCommand(all));
    }
}
