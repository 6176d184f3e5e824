package io.c2csync.connector.topics;

import java.util.regex.Pattern;

/**
 * A value resolved by a Connect config provider on the worker, so the connection string never
 * appears in the connector config: {@code ${file:/etc/c2c/clusters.properties:cluster0.uri}} or
 * {@code ${env:C2C_CLUSTER0_URI}} (no path).
 */
public record SecretReference(String provider, String path, String key) {

  private static final Pattern PROVIDER = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Pattern NO_DELIMITERS = Pattern.compile("[^:{}$]*");

  public SecretReference {
    if (provider == null || !PROVIDER.matcher(provider).matches()) {
      throw new IllegalArgumentException("config provider name must match " + PROVIDER + ", got '" + provider + "'");
    }
    path = path == null ? "" : path;
    if (!NO_DELIMITERS.matcher(path).matches()) {
      throw new IllegalArgumentException("config provider path must not contain ':', '{', '}' or '$': '" + path + "'");
    }
    if (key == null || key.isEmpty() || !NO_DELIMITERS.matcher(key).matches()) {
      throw new IllegalArgumentException("config provider key must be non-empty without ':', '{', '}' or '$'");
    }
  }

  public static SecretReference file(String path, String key) {
    return new SecretReference("file", path, key);
  }

  public static SecretReference env(String variable) {
    return new SecretReference("env", "", variable);
  }

  /** {@code ${provider:path:key}}, or {@code ${provider:key}} without a path. */
  public String placeholder() {
    return "${" + provider + ":" + (path.isEmpty() ? "" : path + ":") + key + "}";
  }
}
