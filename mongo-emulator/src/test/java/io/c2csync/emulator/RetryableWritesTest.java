package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

class RetryableWritesTest {

    private final RetryableWrites writes = new RetryableWrites();
    private final AtomicInteger executions = new AtomicInteger();

    @Test
    void aRetryWithTheSameSessionAndTransactionNumberReplaysTheFirstReply() {
        Document insert = insert(UUID.randomUUID(), 5);

        Document first = writes.execute("insert", insert, this::write);
        Document retry = writes.execute("insert", insert, this::write);

        assertThat(executions).hasValue(1);
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void anotherTransactionNumberOrSessionRunsAgain() {
        UUID session = UUID.randomUUID();
        writes.execute("insert", insert(session, 1), this::write);
        writes.execute("insert", insert(session, 2), this::write);
        writes.execute("insert", insert(UUID.randomUUID(), 1), this::write);

        assertThat(executions).hasValue(3);
    }

    @Test
    void writesWithoutATransactionNumberAndReadsAlwaysRun() {
        Document plain = new Document("insert", "c").append("lsid", new Document("id", UUID.randomUUID()));
        writes.execute("insert", plain, this::write);
        writes.execute("insert", plain, this::write);
        Document find = insert(UUID.randomUUID(), 1);
        writes.execute("find", find, this::write);
        writes.execute("find", find, this::write);

        assertThat(executions).hasValue(4);
    }

    private Document write() {
        return new Document("n", executions.incrementAndGet()).append("ok", 1.0);
    }

    private static Document insert(UUID session, long txnNumber) {
        return new Document("insert", "c").append("lsid", new Document("id", session)).append("txnNumber", txnNumber);
    }
}
