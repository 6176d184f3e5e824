package io.c2csync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void backoffDoublesUpToItsCap() {
        RestartPolicy policy = new RestartPolicy(5, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(5));

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(40)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesNegativeRestartsAndNonPositiveDurations() {
        assertThatThrownBy(() -> new RestartPolicy(-1, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRestartsInARow");
        assertThatThrownBy(() -> new RestartPolicy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stableAfter");
    }
}
