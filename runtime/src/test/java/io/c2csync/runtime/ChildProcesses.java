package io.c2csync.runtime;

import java.nio.file.Path;
import java.util.List;

/** Finds the test JVM's descendants whose command line mentions a folder, i.e. children of one runtime. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    static List<ProcessHandle> mentioning(Path folder) {
        String path = folder.toAbsolutePath().normalize().toString();
        return ProcessHandle.current().descendants()
                .filter(handle -> handle.info().commandLine().orElse("").contains(path))
                .toList();
    }
}
