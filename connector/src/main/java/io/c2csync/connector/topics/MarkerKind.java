package io.c2csync.connector.topics;

import java.util.Arrays;

/** The two marker documents the control plane writes per sync group. */
public enum MarkerKind {
  /** Written every second; its arrival time on the destination gives the lag. */
  HEARTBEAT("heartbeat"),
  /** Written once at commit, after the source is blocked; its arrival means "drained". */
  COMMIT_POINT("commitPoint");

  private final String wireName;

  MarkerKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static MarkerKind fromWireName(String name) {
    return Arrays.stream(values())
        .filter(kind -> kind.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown marker kind '" + name + "' (expected one of heartbeat, commitPoint)"));
  }
}
