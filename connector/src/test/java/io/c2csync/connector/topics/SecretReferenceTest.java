package io.c2csync.connector.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretReferenceTest {

  @Test
  void rendersConnectConfigProviderPlaceholders() {
    assertThat(SecretReference.file("/etc/c2c/clusters.properties", "cluster0.uri").placeholder())
        .isEqualTo("${file:/etc/c2c/clusters.properties:cluster0.uri}");
    assertThat(SecretReference.env("C2C_CLUSTER0_URI").placeholder()).isEqualTo("${env:C2C_CLUSTER0_URI}");
  }

  @Test
  void refusesWhatWouldBreakThePlaceholder() {
    assertThatThrownBy(() -> SecretReference.file("C:/x", "k")).hasMessageContaining("path must not contain ':'");
    assertThatThrownBy(() -> SecretReference.env("A}B")).hasMessageContaining("key must be non-empty");
    assertThatThrownBy(() -> new SecretReference("1x", "", "k")).hasMessageContaining("provider name");
  }
}
