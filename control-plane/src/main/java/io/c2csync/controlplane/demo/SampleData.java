package io.c2csync.controlplane.demo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.bson.BsonBinary;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;

/**
 * What the demo copies: three databases, four collections, secondary indexes (one unique, one
 * compound), nested documents and arrays, and most BSON types (decimal, dates, 64-bit integers,
 * binary and UUIDs, regular expressions, code, timestamps, min/max keys).
 */
public final class SampleData {
    static final String SHOP = "shop";
    static final String CUSTOMERS = "customers";
    static final String ORDERS = "orders";

    private static final int CUSTOMER_COUNT = 200;
    private static final int ORDER_COUNT = 1_000;
    private static final int ITEM_COUNT = 300;
    private static final int EVENT_COUNT = 3_000;
    private static final long EPOCH_2024 = 1_704_067_200_000L;

    private SampleData() {
    }

    /** Writes the sample data; returns one line per collection saying what it holds. */
    public static List<String> seed(MongoClient client) {
        List<String> summary = new ArrayList<>();
        MongoCollection<Document> customers = client.getDatabase(SHOP).getCollection(CUSTOMERS);
        insert(customers, CUSTOMER_COUNT, SampleData::customer);
        customers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        customers.createIndex(Indexes.ascending("address.city"));
        summary.add(line(customers, "nested addresses, arrays, dates; unique index on email, index on address.city"));

        MongoCollection<Document> orders = client.getDatabase(SHOP).getCollection(ORDERS);
        insert(orders, ORDER_COUNT, SampleData::order);
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customer"), Indexes.descending("placed")));
        summary.add(line(orders, "decimal prices, arrays of order lines; compound index {customer: 1, placed: -1}"));

        MongoCollection<Document> items = client.getDatabase("inventory").getCollection("items");
        insert(items, ITEM_COUNT, SampleData::item);
        items.createIndex(Indexes.ascending("category"));
        summary.add(line(items, "string ids, int64, double, binary, UUID, regex, code, timestamp, min/max keys"));

        MongoCollection<Document> events = client.getDatabase("analytics").getCollection("events");
        insert(events, EVENT_COUNT, SampleData::event);
        events.createIndex(Indexes.compoundIndex(Indexes.ascending("type"), Indexes.descending("at")));
        summary.add(line(events, "ObjectId ids, nested payloads, nulls and booleans; index {type: 1, at: -1}"));
        return summary;
    }

    private static void insert(MongoCollection<Document> collection, int count, IntFunction<Document> document) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(document.apply(i));
        }
        collection.insertMany(batch);
    }

    private static String line(MongoCollection<Document> collection, String what) {
        return String.format("%-20s %5d documents: %s", collection.getNamespace().getFullName(),
                collection.countDocuments(), what);
    }

    private static Document customer(int i) {
        return new Document("_id", i)
                .append("name", "Customer " + i)
                .append("email", "customer" + i + "@example.com")
                .append("address", new Document("street", i + " Main Street")
                        .append("city", List.of("Lyon", "Oslo", "Porto", "Kyoto").get(i % 4))
                        .append("location", new Document("lat", 45.0 + i / 100.0).append("lon", 4.0 - i / 100.0)))
                .append("tags", i % 3 == 0 ? List.of("vip", "newsletter") : List.of("newsletter"))
                .append("since", new Date(EPOCH_2024 - i * 86_400_000L))
                .append("active", i % 7 != 0);
    }

    private static Document order(int i) {
        int lines = 1 + i % 3;
        List<Document> items = new ArrayList<>();
        for (int line = 0; line < lines; line++) {
            items.add(new Document("sku", sku((i + line) % ITEM_COUNT)).append("qty", 1 + line)
                    .append("price", Decimal128.parse((9 + line) + "." + (i % 100 < 10 ? "0" : "") + i % 100)));
        }
        return new Document("_id", 100_000 + i)
                .append("customer", i % CUSTOMER_COUNT)
                .append("lines", items)
                .append("status", List.of("placed", "paid", "shipped").get(i % 3))
                .append("placed", new Date(EPOCH_2024 + i * 3_600_000L))
                .append("delivery", i % 5 == 0 ? null : new Document("carrier", "post").append("days", i % 4 + 1));
    }

    private static Document item(int i) {
        return new Document("_id", sku(i))
                .append("category", List.of("books", "games", "tools").get(i % 3))
                .append("stock", 1_000_000_000_000L + i)
                .append("weightKg", 0.25 * (i % 12 + 1))
                .append("thumbnail", new Binary(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) i}))
                .append("uuid", new BsonBinary(new UUID(i, 42), UuidRepresentation.STANDARD))
                .append("skuPattern", java.util.regex.Pattern.compile("^SKU-" + (i % 10)))
                .append("priceRule", new Code("function (p) { return p * " + (1 + i % 3) + "; }"))
                .append("restocked", new BsonTimestamp(1_704_067_200 + i, 1))
                .append("rangeFrom", new MinKey())
                .append("rangeTo", new MaxKey());
    }

    private static Document event(int i) {
        return new Document("_id", new ObjectId(new Date(EPOCH_2024 + i * 1_000L), i))
                .append("type", List.of("view", "click", "purchase").get(i % 3))
                .append("at", new Date(EPOCH_2024 + i * 1_000L))
                .append("payload", new Document("page", "/products/" + i % 50)
                        .append("referrer", i % 4 == 0 ? null : "search")
                        .append("device", new Document("mobile", i % 2 == 0).append("screen", List.of(390, 844))));
    }

    private static String sku(int i) {
        return String.format("SKU-%04d", i);
    }
}
