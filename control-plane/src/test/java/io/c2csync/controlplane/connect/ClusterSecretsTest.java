package io.c2csync.controlplane.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.sync.ClusterName;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretsTest {
    private static final String URI0 = "mongodb://sync:p@ss:w=rd#!@h0:27017/?replicaSet=rs0&authSource=admin";
    private static final String URI1 = "mongodb://sync:other@h1:27017/?replicaSet=rs1";

    @TempDir
    Path dir;

    @Test
    void theFileIsTheOwnersOnlyAndFileConfigProviderReadsTheStringsBack() throws Exception {
        Path file = dir.resolve("secrets").resolve("clusters.properties");
        ClusterSecrets secrets = ClusterSecrets.writeFile(file, Map.of(ClusterName.CLUSTER0, URI0,
                ClusterName.CLUSTER1, URI1));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            read.load(reader);
        }
        assertThat(read).containsEntry("cluster0.uri", URI0).containsEntry("cluster1.uri", URI1);
        assertThat(secrets.get(ClusterName.CLUSTER0).placeholder()).isEqualTo("${file:" + file + ":cluster0.uri}");
        assertThat(secrets.get(ClusterName.CLUSTER1).placeholder()).isEqualTo("${file:" + file + ":cluster1.uri}");
    }

    @Test
    void rewritingKeepsTheFilePrivate() throws Exception {
        Path file = dir.resolve("clusters.properties");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ClusterSecrets.writeFile(file, Map.of(ClusterName.CLUSTER0, URI0, ClusterName.CLUSTER1, URI1));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).doesNotContain("old");
    }

    @Test
    void aConnectClusterOfItsOwnReadsTheWorkersEnvironment() {
        ClusterSecrets secrets = ClusterSecrets.fromWorkerEnvironment();
        assertThat(secrets.get(ClusterName.CLUSTER0).placeholder()).isEqualTo("${env:C2C_CLUSTER0_URI}");
        assertThat(secrets.get(ClusterName.CLUSTER1).placeholder()).isEqualTo("${env:C2C_CLUSTER1_URI}");
    }
}
