package io.c2csync.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM: {@code $java.home/bin/java} with the Kafka libraries (plus this
 * module's classes, for {@link ExitWithParent}) on the classpath. Standard output and error go to
 * the child's log file; its log4j2 configuration logs to the console, so that file holds everything
 * the child printed, JVM start-up failures included, in order.
 */
record ChildJvm(String name, String mainClass, List<String> args, List<String> jvmOptions, Path logFile,
        Duration stopTimeout) {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    ChildJvm {
        args = List.copyOf(args);
        jvmOptions = List.copyOf(jvmOptions);
    }

    ChildProcess start(BuildOutput buildOutput) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // A session of its own: Ctrl-C in a terminal reaches only the parent, which stops the
            // children in order (worker before broker) instead of all at once.
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(buildOutput.kafkaLibs().resolve("*") + File.pathSeparator + ownClassesLocation());
        command.add(ExitWithParent.class.getName());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            return new ChildProcess(name, builder.start(), logFile, stopTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    private static Path ownClassesLocation() {
        try {
            return Path.of(ExitWithParent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of " + ExitWithParent.class, e);
        }
    }
}
