package io.c2csync.connector;

import java.util.Objects;

/** The version our connectors report: ours (from the jar manifest) and mongo-kafka's underneath. */
public final class ConnectorVersion {

  private ConnectorVersion() {}

  public static String on(String mongoKafkaVersion) {
    return "c2c-sync " + Objects.requireNonNullElse(ConnectorVersion.class.getPackage().getImplementationVersion(), "dev")
        + " on mongo-kafka " + mongoKafkaVersion;
  }
}
