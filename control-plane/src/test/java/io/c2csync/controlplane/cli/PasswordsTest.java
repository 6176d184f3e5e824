package io.c2csync.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void masksThePasswordAsWrittenAndAsDecoded() {
        String uri = "mongodb://admin:p%40ss@db1:27017,db2:27017/?replicaSet=rs0";

        assertThat(Passwords.redact("cannot reach " + uri + " (user admin, password p@ss)", uri))
                .isEqualTo("cannot reach mongodb://admin:****@db1:27017,db2:27017/?replicaSet=rs0 (user admin, password ****)");
    }

    @Test
    void findsPasswordsInsideArgumentsAndSrvStrings() {
        String[] args = {"verify", "--cluster0=mongodb+srv://u:first@a.example.net", "--cluster1", "mongodb://v:second@b:1"};

        assertThat(Passwords.redact("first second third", args)).isEqualTo("**** **** third");
    }

    @Test
    void leavesTextAloneWhenNoStringHasAPassword() {
        assertThat(Passwords.redact("mongodb://u@h:1 and mongodb://h:2", "mongodb://u@h:1", "mongodb://h:2", "--include"))
                .isEqualTo("mongodb://u@h:1 and mongodb://h:2");
    }
}
