package io.c2csync.controlplane.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionStringsTest {
    @Test
    void showsOnlyTheHosts() {
        assertThat(ConnectionStrings.displayAddress(
                "mongodb://sync:s3cret@h1:27017,h2:27018/admin?replicaSet=rs0&authSource=admin"))
                .isEqualTo("h1:27017,h2:27018");
    }

    @Test
    void masksThePassword() {
        assertThat(ConnectionStrings.mask("mongodb://sync:s3cret@h1:27017/?replicaSet=rs0"))
                .isEqualTo("mongodb://sync:****@h1:27017/?replicaSet=rs0");
        assertThat(ConnectionStrings.mask("mongodb+srv://sync:p%40ss@cluster.example.net/"))
                .isEqualTo("mongodb+srv://sync:****@cluster.example.net/");
    }

    @Test
    void leavesAStringWithoutPasswordAlone() {
        assertThat(ConnectionStrings.mask("mongodb://h1:27017")).isEqualTo("mongodb://h1:27017");
        assertThat(ConnectionStrings.mask("mongodb://user@h1:27017")).isEqualTo("mongodb://user@h1:27017");
    }

    @Test
    void anInvalidStringIsReportedWithoutItsPassword() {
        assertThatThrownBy(() -> ConnectionStrings.displayAddress("mongodb://sync:s3cret@h1:notaport"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sync:****@")
                .hasMessageNotContaining("s3cret");
    }
}
