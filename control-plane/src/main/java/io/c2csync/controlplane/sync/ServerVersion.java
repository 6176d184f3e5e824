package io.c2csync.controlplane.sync;

/** A MongoDB server version, compared on major and minor. */
public record ServerVersion(int major, int minor) {
    public static final ServerVersion WRITE_BLOCKING_MINIMUM = new ServerVersion(6, 0);

    /** Parses {@code buildInfo.version}, e.g. {@code "6.0.14"} or {@code "7.0.2-rc1"}. */
    public static ServerVersion parse(String version) {
        String[] parts = version.split("[.-]");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a MongoDB version: '" + version + "'");
        }
        try {
            return new ServerVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a MongoDB version: '" + version + "'", e);
        }
    }

    public boolean isAtLeast(ServerVersion other) {
        return major > other.major || (major == other.major && minor >= other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
