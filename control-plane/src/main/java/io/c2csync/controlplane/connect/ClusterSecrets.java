package io.c2csync.controlplane.connect;

import io.c2csync.connector.topics.SecretReference;
import io.c2csync.controlplane.sync.ClusterName;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Where the connectors find the two connection strings: a Connect config provider reference per
 * cluster, so {@code GET /connectors/{name}/config} shows the placeholder and never a password.
 */
public record ClusterSecrets(SecretReference cluster0, SecretReference cluster1) {
    public static final String CLUSTER0_ENV = "C2C_CLUSTER0_URI";
    public static final String CLUSTER1_ENV = "C2C_CLUSTER1_URI";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public ClusterSecrets {
        Objects.requireNonNull(cluster0, "cluster0");
        Objects.requireNonNull(cluster1, "cluster1");
    }

    public SecretReference get(ClusterName name) {
        return name == ClusterName.CLUSTER0 ? cluster0 : cluster1;
    }

    /** A Connect cluster of its own ({@code --connect-url}): its workers carry the strings in their environment. */
    public static ClusterSecrets fromWorkerEnvironment() {
        return new ClusterSecrets(SecretReference.env(CLUSTER0_ENV), SecretReference.env(CLUSTER1_ENV));
    }

    /**
     * The embedded worker runs on this machine: the strings go to a properties file readable by
     * its owner only, read by Connect's {@code FileConfigProvider}.
     */
    public static ClusterSecrets writeFile(Path file, Map<ClusterName, String> uris) {
        Map<ClusterName, String> byName = new EnumMap<>(uris);
        Properties properties = new Properties();
        for (ClusterName name : ClusterName.values()) {
            properties.setProperty(key(name), Objects.requireNonNull(byName.get(name), name.apiName() + " uri"));
        }
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            if (!Files.exists(absolute)) {
                Files.createFile(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.setPosixFilePermissions(absolute, OWNER_ONLY);
            StringWriter text = new StringWriter();
            properties.store(text, "c2c-sync connection strings (secret)");
            Files.writeString(absolute, text.toString(), StandardCharsets.ISO_8859_1,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the connection strings to " + absolute, e);
        }
        return new ClusterSecrets(SecretReference.file(absolute.toString(), key(ClusterName.CLUSTER0)),
                SecretReference.file(absolute.toString(), key(ClusterName.CLUSTER1)));
    }

    private static String key(ClusterName name) {
        return name.apiName() + ".uri";
    }
}
