package io.c2csync.controlplane.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The same request sent from several threads released at once. */
final class Racers {
    private Racers() {
    }

    static List<HttpCalls.Reply> race(int racers, Callable<HttpCalls.Reply> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpCalls.Reply>> sent = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                sent.add(threads.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<HttpCalls.Reply> replies = new ArrayList<>();
            for (Future<HttpCalls.Reply> reply : sent) {
                replies.add(reply.get(120, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Exactly one reply is the success; every other is 409 InvalidState for {@code call}. */
    static void assertOneWon(List<HttpCalls.Reply> replies, String call) {
        List<HttpCalls.Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).as("replies %s", replies.stream().map(HttpCalls.Reply::body).toList()).hasSize(1);
        ContractErrors.assertSuccess(won.get(0));
        replies.stream().filter(r -> r.status() != 200).forEach(lost ->
                assertThat(ContractErrors.assertError(lost, 409, "InvalidState")).contains("cannot " + call));
    }
}
