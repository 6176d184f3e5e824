package io.c2csync.bench;

/** One change seen on the destination: which run wrote it, when in that run, and how late it arrived. */
public record LagSample(int run, double secondsIntoRun, double lagMillis) {
}
