package io.c2csync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

    private final RuntimeConfig defaults = RuntimeConfig.defaults(Path.of("target", "config-test"));

    @Test
    void portOutOfRangeIsRefusedByName() {
        assertThatThrownBy(() -> defaults.withPorts(0, 70_000, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("controllerPort must be 0 (choose a free port) or 1..65535, was 70000");
    }

    @Test
    void malformedHeapIsRefused() {
        assertThatThrownBy(() -> new RuntimeConfig(defaults.workDir(), defaults.buildOutput(), 0, 0, 0, "lots",
                defaults.startTimeout(), defaults.stopTimeout(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("childMaxHeap must look like 512m, was lots");
    }

    @Test
    void workDirIsMadeAbsolute() {
        assertThat(defaults.workDir()).isAbsolute().endsWithRaw(Path.of("target", "config-test"));
    }
}
