package io.c2csync.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

import io.c2csync.connector.sink.C2cSinkConnector;
import io.c2csync.connector.source.SourceConnectorConfigs;

/** With plugin.discovery=service_load a worker only sees what META-INF/services lists. */
class ServiceManifestsTest {

  @Test
  void everyConnectorWeConfigureIsDiscoverable() {
    assertThat(ServiceLoader.load(SinkConnector.class).stream().map(p -> p.type().getName()))
        .contains(C2cSinkConnector.class.getName());
    assertThat(ServiceLoader.load(SourceConnector.class).stream().map(p -> p.type().getName()))
        .contains(SourceConnectorConfigs.CONNECTOR_CLASS);
  }
}
