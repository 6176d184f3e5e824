package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class EmulatorOptionsTest {

    @Test
    void defaultsPickAFreePortOnLoopbackForRs0() {
        EmulatorOptions defaults = EmulatorOptions.defaults();

        assertThat(defaults.port()).isZero();
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.replicaSetName()).isEqualTo("rs0");
        assertThat(defaults.auth()).isEmpty();
    }

    @Test
    void badValuesAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> EmulatorOptions.defaults().withPort(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> EmulatorOptions.defaults().withReplicaSetName(" ")).hasMessageContaining("replicaSetName");
        assertThatThrownBy(() -> EmulatorOptions.defaults().withHost("")).hasMessageContaining("host");
        assertThatThrownBy(() -> new EmulatorOptions.HistoryLimits(0, 1)).hasMessageContaining("maxEvents");
    }

    @Test
    void authMustBeUserColonPasswordAndThePasswordIsNeverEchoed() {
        assertThat(EmulatorOptions.defaults().withAuth("admin:pw").auth()).isEqualTo(Optional.of("admin:pw"));
        assertThatThrownBy(() -> EmulatorOptions.defaults().withAuth("nocolon")).hasMessageContaining("user:password");
        assertThatThrownBy(() -> EmulatorOptions.defaults().withAuth("admin:")).hasMessageContaining("user:password");
        assertThatThrownBy(() -> EmulatorOptions.defaults().withAuth(":secret")).hasMessageNotContaining("secret");
    }
}
