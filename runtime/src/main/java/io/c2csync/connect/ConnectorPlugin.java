package io.c2csync.connect;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An entry of {@code GET /connector-plugins}; {@code type} is "source" or "sink". */
public record ConnectorPlugin(@JsonProperty("class") String className, String type, String version) {
}
