package io.c2csync.controlplane.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The runbook the demo walks through against a running control plane, over HTTP: start → copy →
 * live writes → commit → the old source refuses application writes → reverse → writes on cluster1
 * reach cluster0. Each step checks what it shows and throws if it did not happen.
 */
public final class Walkthrough {
    /** The steps {@link #run()} numbers. */
    public static final int STEPS = 9;
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    private static final String START_BODY = "{\"source\": \"cluster0\", \"destination\": \"cluster1\", "
            + "\"reversible\": true, \"enableUserWriteBlocking\": true}";

    private final DemoApi api;
    private final LiveProgress live;
    private final DemoClusters clusters;
    private final Steps steps;

    /**
     * @param apiUri {@code http://host:port/api/v1/}
     * @param terminal whether {@code out} is a terminal (the progress bar is then redrawn in place)
     */
    public Walkthrough(URI apiUri, DemoClusters clusters, Steps steps, PrintWriter out, boolean terminal) {
        this.api = new DemoApi(apiUri, out);
        this.live = new LiveProgress(api, out, terminal);
        this.clusters = clusters;
        this.steps = steps;
    }

    public void run() {
        steps.next("ask for the progress", "Before a start the control plane is IDLE; progress works in every state.");
        expectState(api.showProgress(), "IDLE");

        steps.next("start the sync cluster0 -> cluster1", "reversible + enableUserWriteBlocking (both needed for"
                + " reverse): cluster1 refuses application writes until the commit. The answer comes once the"
                + " connectors are deployed on Kafka Connect; the copy runs in the background.");
        api.post("start", START_BODY);

        steps.next("watch the copy", "collectionCopy gives the bytes copied; canCommit turns true once the copy is"
                + " done, the indexes are built and the lag is under 30 s.");
        live.until("canCommit is true", p -> p.path("canCommit").asBoolean(), COPY_TIMEOUT);

        steps.next("live writes on cluster0", "The application keeps writing during the sync (insert, update,"
                + " delete); change event application carries each write to cluster1.");
        liveWrites();

        steps.next("commit", "Blocks writes on cluster0, waits until cluster1 has applied everything up to that"
                + " point, stops the forward connectors and opens cluster1 for writes (canWrite).");
        api.post("commit", "{ }");
        JsonNode committed = live.until("the state is COMMITTED", p -> state(p).equals("COMMITTED"), STEP_TIMEOUT);
        if (!committed.path("canWrite").asBoolean()) {
            throw new IllegalStateException("COMMITTED without canWrite: " + committed);
        }
        steps.say("canWrite: true - the application may now write to cluster1.");

        steps.next("write to the old source as the application user", "cluster0 is write-blocked since the"
                + " commit; only the sync user (bypassWriteBlockingMode) may write there.");
        MongoServerException refused = Replication.refusedWithUserWritesBlocked("an application write on cluster0",
                () -> orders(0).insertOne(new Document("_id", "after-commit").append("status", "placed")));
        steps.say("cluster0 refused the write with code " + refused.getCode() + " (UserWritesBlocked), as expected.");

        steps.next("reverse", "Deploys the mirrored connector pair cluster1 -> cluster0 from the cluster time at"
                + " which cluster1 was opened (no second copy), removes the old pair and keeps cluster0 blocked.");
        api.post("reverse", "{ }");
        live.until("RUNNING in the direction cluster1 -> cluster0", p -> state(p).equals("RUNNING")
                && p.path("directionMapping").path("Source").asText().startsWith("cluster1"), STEP_TIMEOUT);

        steps.next("write to cluster1", "The application now writes to cluster1; the reversed sync carries it"
                + " back to cluster0.");
        orders(1).insertOne(new Document("_id", "after-reverse").append("status", "placed")
                .append("placed", new Date()).append("total", Decimal128.parse("42.00")));
        customers(1).updateOne(Filters.eq("_id", 2), Updates.set("name", "Customer 2 (renamed on cluster1)"));
        Replication.awaitSame(orders(1), orders(0), STEP_TIMEOUT);
        Replication.awaitSame(customers(1), customers(0), STEP_TIMEOUT);
        steps.say("the order inserted and the customer renamed on cluster1 are on cluster0.");

        steps.next("progress after the reverse", "directionMapping now says cluster1 is the source.");
        JsonNode reversed = api.showProgress();
        steps.say("directionMapping: Source = " + reversed.path("directionMapping").path("Source").asText()
                + ", Destination = " + reversed.path("directionMapping").path("Destination").asText());
    }

    private void liveWrites() {
        orders(0).insertOne(new Document("_id", "live-1").append("customer", 7).append("status", "placed")
                .append("lines", List.of(new Document("sku", "SKU-0007").append("qty", 2)
                        .append("price", Decimal128.parse("19.90")))));
        customers(0).updateOne(Filters.eq("_id", 1), Updates.combine(Updates.set("address.city", "Reykjavik"),
                Updates.push("tags", "moved")));
        MongoCollection<Document> events0 = clusters.application(0).getDatabase("analytics").getCollection("events");
        long deleted = events0.deleteMany(Filters.eq("payload.page", "/products/1")).getDeletedCount();
        steps.say("inserted order live-1, moved customer 1 to Reykjavik, deleted " + deleted + " events");
        Replication.awaitSame(orders(0), orders(1), STEP_TIMEOUT);
        Replication.awaitSame(customers(0), customers(1), STEP_TIMEOUT);
        Replication.awaitSame(events0, clusters.application(1).getDatabase("analytics").getCollection("events"),
                STEP_TIMEOUT);
        steps.say("all three writes are on cluster1.");
        steps.say(ProgressBar.render(api.progress()));
    }

    private MongoCollection<Document> orders(int cluster) {
        return clusters.application(cluster).getDatabase(SampleData.SHOP).getCollection(SampleData.ORDERS);
    }

    private MongoCollection<Document> customers(int cluster) {
        return clusters.application(cluster).getDatabase(SampleData.SHOP).getCollection(SampleData.CUSTOMERS);
    }

    private static String state(JsonNode progress) {
        return progress.path("state").asText();
    }

    private static void expectState(JsonNode progress, String expected) {
        if (!state(progress).equals(expected)) {
            throw new IllegalStateException("expected state " + expected + ", the control plane says " + progress);
        }
    }
}
