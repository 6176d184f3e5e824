package io.c2csync.controlplane.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ValidationOptions;
import io.c2csync.emulator.EmulatedClusters;
import java.util.Arrays;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The verifier against two emulated clusters; each test writes its own database and verifies only that one. */
class VerifierTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @Test
    void equalClustersPassWithEveryDocumentCompared() {
        for (MongoClient cluster : both()) {
            MongoCollection<BsonDocument> people = cluster.getDatabase("equal").getCollection("people", BsonDocument.class);
            people.insertMany(List.of(
                    BsonDocument.parse("{_id: 1, name: 'a', tags: ['x', 'y'], address: {city: 'Bern', zip: 3000}}"),
                    BsonDocument.parse("{_id: 2, name: 'b', score: {$numberLong: '7'}}"),
                    BsonDocument.parse("{_id: 'k', name: 'c'}"),
                    new BsonDocument("_id", new BsonObjectId(new ObjectId("650000000000000000000001"))).append("n", new BsonInt32(3))));
            people.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            cluster.getDatabase("equal").createCollection("checked", new CreateCollectionOptions()
                    .validationOptions(new ValidationOptions().validator(new Document("n", new Document("$type", "int")))));
        }

        VerificationResult result = verify("equal");

        assertThat(result.equal()).as("%s", result.firstDifferences()).isTrue();
        assertThat(result.namespaces()).containsExactly(
                new NamespaceReport(new MongoNamespace("equal.checked"), 0, 0, 0, 0),
                new NamespaceReport(new MongoNamespace("equal.people"), 4, 4, 4, 0));
    }

    @Test
    void missingAndExtraDocumentsAreNamedWithTheirIds() {
        insert(source(), "presence", "{_id: 1}", "{_id: 2}", "{_id: 3}");
        insert(destination(), "presence", "{_id: 2}", "{_id: 3}", "{_id: 4}");

        VerificationResult result = verify("presence");

        assertThat(result.firstDifferences()).extracting(Difference::kind, Difference::id).containsExactly(
                tuple(DifferenceKind.MISSING_DOCUMENT, new BsonInt32(1)),
                tuple(DifferenceKind.EXTRA_DOCUMENT, new BsonInt32(4)));
        assertThat(result.namespaces()).containsExactly(new NamespaceReport(new MongoNamespace("presence.c"), 3, 3, 2, 2));
    }

    @Test
    void changedValueIsNamedWithItsPath() {
        insert(source(), "value", "{_id: 1, a: {b: 'old'}}");
        insert(destination(), "value", "{_id: 1, a: {b: 'new'}}");

        assertThat(onlyDifference("value")).isEqualTo(new Difference(DifferenceKind.CHANGED_VALUE,
                new MongoNamespace("value.c"), new BsonInt32(1), "field a.b: source string \"old\", destination string \"new\""));
    }

    @Test
    void int32AgainstInt64IsAChangedType() {
        source().getDatabase("type").getCollection("c", BsonDocument.class)
                .insertOne(new BsonDocument("_id", new BsonInt32(1)).append("n", new BsonInt32(5)));
        destination().getDatabase("type").getCollection("c", BsonDocument.class)
                .insertOne(new BsonDocument("_id", new BsonInt32(1)).append("n", new BsonInt64(5)));

        assertThat(onlyDifference("type")).isEqualTo(new Difference(DifferenceKind.CHANGED_TYPE,
                new MongoNamespace("type.c"), new BsonInt32(1), "field n: source int32 5, destination int64 5"));
    }

    @Test
    void anInt64IdAgainstAnInt32IdIsAChangedTypeNotAMissingDocument() {
        source().getDatabase("idType").getCollection("c", BsonDocument.class).insertOne(new BsonDocument("_id", new BsonInt32(7)));
        destination().getDatabase("idType").getCollection("c", BsonDocument.class).insertOne(new BsonDocument("_id", new BsonInt64(7)));

        assertThat(onlyDifference("idType")).isEqualTo(new Difference(DifferenceKind.CHANGED_TYPE,
                new MongoNamespace("idType.c"), new BsonInt32(7), "field _id: source int32 7, destination int64 7"));
    }

    @Test
    void sameFieldsInAnotherOrderAreAChangedFieldOrder() {
        insert(source(), "order", "{_id: 1, a: 1, b: 2}");
        insert(destination(), "order", "{_id: 1, b: 2, a: 1}");

        Difference difference = onlyDifference("order");

        assertThat(difference.kind()).isEqualTo(DifferenceKind.CHANGED_FIELD_ORDER);
        assertThat(difference.detail()).isEqualTo("fields of the document: source [_id, a, b], destination [_id, b, a]");
    }

    @Test
    void missingAndExtraFieldsAreNamed() {
        insert(source(), "fields", "{_id: 1, a: 1}", "{_id: 2}");
        insert(destination(), "fields", "{_id: 1}", "{_id: 2, z: true}");

        assertThat(verify("fields").firstDifferences()).extracting(Difference::kind)
                .containsExactly(DifferenceKind.MISSING_FIELD, DifferenceKind.EXTRA_FIELD);
    }

    @Test
    void aUniqueOptionOnlyOnTheSourceIsAnIndexDifference() {
        source().getDatabase("index").getCollection("c").createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        destination().getDatabase("index").getCollection("c").createIndex(Indexes.ascending("email"));

        Difference difference = onlyDifference("index");

        assertThat(difference.kind()).isEqualTo(DifferenceKind.INDEX_DEFINITION);
        assertThat(difference.id()).isNull();
        assertThat(difference.detail()).isEqualTo("index email_1: unique: source boolean true, destination absent");
    }

    @Test
    void missingAndExtraIndexesAreNamed() {
        source().getDatabase("indexes").getCollection("c").createIndex(Indexes.ascending("a"));
        destination().getDatabase("indexes").getCollection("c").createIndex(Indexes.ascending("b"));

        List<Difference> differences = verify("indexes").firstDifferences();

        assertThat(differences).extracting(Difference::kind)
                .containsExactly(DifferenceKind.MISSING_INDEX, DifferenceKind.EXTRA_INDEX);
        assertThat(differences.get(0).detail()).startsWith("index a_1 {").contains("\"key\": {\"a\": 1}")
                .endsWith("is not on the destination");
        assertThat(differences.get(1).detail()).startsWith("index b_1 {").endsWith("is not on the source");
    }

    @Test
    void anotherValidatorIsACollectionOptionDifference() {
        source().getDatabase("options").createCollection("c", new CreateCollectionOptions()
                .validationOptions(new ValidationOptions().validator(new Document("n", new Document("$type", "int")))));
        destination().getDatabase("options").createCollection("c");

        Difference difference = onlyDifference("options");

        assertThat(difference.kind()).isEqualTo(DifferenceKind.COLLECTION_OPTIONS);
        assertThat(difference.detail()).startsWith("validator: source document {\"n\": {\"$type\": \"int\"}}, destination absent");
    }

    @Test
    void viewsAreComparedByTypeAndDefinitionWithoutReadingTheirDocuments() {
        List<Document> small = List.of(new Document("$match", new Document("n", 1)));
        for (MongoClient cluster : both()) {
            insert(cluster, "views", "{_id: 1, n: 1}", "{_id: 2, n: 5}");
            cluster.getDatabase("views").createView("same", "c", small);
        }
        source().getDatabase("views").createView("changed", "c", small);
        destination().getDatabase("views").createView("changed", "c", List.of(new Document("$match", new Document("n", 5))));
        source().getDatabase("views").createView("onlySource", "c", small);
        source().getDatabase("views").createView("typed", "c", small);
        destination().getDatabase("views").createCollection("typed");

        VerificationResult result = verify("views");

        assertThat(result.firstDifferences()).extracting(Difference::kind, difference -> difference.namespace().getCollectionName())
                .containsExactly(
                        tuple(DifferenceKind.VIEW_DEFINITION, "changed"),
                        tuple(DifferenceKind.MISSING_NAMESPACE, "onlySource"),
                        tuple(DifferenceKind.NAMESPACE_TYPE, "typed"));
        assertThat(result.firstDifferences().get(0).detail()).startsWith("pipeline: source ").contains("\"n\": 1").contains("\"n\": 5");
        assertThat(result.firstDifferences().get(2).detail()).isEqualTo("source is a view, destination a collection");
        assertThat(result.namespaces()).contains(new NamespaceReport(new MongoNamespace("views.same"), 0, 0, 0, 0),
                new NamespaceReport(new MongoNamespace("views.c"), 2, 2, 2, 0));
    }

    @Test
    void aCollectionOnOneSideOnlyIsAMissingOrExtraNamespaceWithItsDocuments() {
        insert(source(), "onlySource", "{_id: 1}");
        insert(destination(), "onlyDestination", "{_id: 1}");

        VerificationResult result = verify("onlySource", "onlyDestination");

        assertThat(result.firstDifferences()).extracting(Difference::kind).containsExactly(
                DifferenceKind.EXTRA_NAMESPACE, DifferenceKind.EXTRA_DOCUMENT,
                DifferenceKind.MISSING_NAMESPACE, DifferenceKind.MISSING_DOCUMENT);
    }

    @Test
    void idsOfEveryTypeAreMergedInTheServersOrder() {
        String[] documents = {"{_id: {$minKey: 1}}", "{_id: null}", "{_id: -2.5}", "{_id: 1}", "{_id: {$numberLong: '3'}}",
                "{_id: 'B'}", "{_id: 'a'}", "{_id: {x: 1}}", "{_id: {$binary: {base64: 'AQ==', subType: '00'}}}",
                "{_id: {$oid: '650000000000000000000002'}}", "{_id: false}", "{_id: true}", "{_id: {$date: '2024-01-01T00:00:00Z'}}",
                "{_id: {$timestamp: {t: 1, i: 1}}}", "{_id: {$maxKey: 1}}"};
        insert(source(), "ids", documents);
        insert(destination(), "ids", documents);

        VerificationResult result = verify("ids");

        assertThat(result.equal()).as("%s", result.firstDifferences()).isTrue();
        assertThat(result.comparedDocuments()).isEqualTo(documents.length);
    }

    @Test
    void onlyTheFirstDifferencesAreKeptAndAllAreCounted() {
        insert(source(), "many", "{_id: 1}", "{_id: 2}", "{_id: 3}", "{_id: 4}", "{_id: 5}");

        VerificationResult result = new Verifier(source(), destination(), filter("many"), 2, new VerificationProgress()).verify();

        assertThat(result.firstDifferences()).hasSize(2);
        assertThat(result.differenceCount()).isEqualTo(6);
    }

    @Test
    void excludedNamespacesAndTheMarkerDatabaseAreNotCompared() {
        insert(source(), "filtered", "{_id: 1}");
        insert(destination(), "filtered", "{_id: 1}");
        source().getDatabase("filtered").getCollection("skipped").insertOne(new Document("_id", 1));
        source().getDatabase("filteredByRegex").getCollection("c").insertOne(new Document("_id", 1));
        destination().getDatabase(NamespaceFilter.MARKER_DATABASE).getCollection("markers").insertOne(new Document("_id", 1));
        NamespaceFilter filter = NamespaceFilter.parse(
                List.of("{\"databaseRegex\": {\"pattern\": \"^FILTERED\", \"options\": \"i\"}}"),
                List.of("{\"database\": \"filtered\", \"collections\": [\"skipped\"]}", "{\"database\": \"filteredByRegex\"}"));

        VerificationResult result = new Verifier(source(), destination(), filter, 10, new VerificationProgress()).verify();

        assertThat(result.equal()).as("%s", result.firstDifferences()).isTrue();
        assertThat(result.namespaces()).extracting(report -> report.namespace().getFullName()).containsExactly("filtered.c");
    }

    @Test
    void progressCountsCollectionsAndDocumentsOfBothSides() {
        insert(source(), "progress", "{_id: 1}", "{_id: 2}");
        insert(destination(), "progress", "{_id: 1}");
        VerificationProgress progress = new VerificationProgress();
        assertThat(progress.source().phase()).isEqualTo(VerificationPhase.NOT_STARTED);

        new Verifier(source(), destination(), filter("progress"), 10, progress).verify();

        assertThat(progress.source()).isEqualTo(new SideProgress(2, 2, 1, 1, VerificationPhase.DONE));
        assertThat(progress.destination()).isEqualTo(new SideProgress(1, 1, 1, 1, VerificationPhase.DONE));
    }

    private static Difference onlyDifference(String database) {
        VerificationResult result = verify(database);
        assertThat(result.firstDifferences()).hasSize(1);
        assertThat(result.differenceCount()).isEqualTo(1);
        return result.firstDifferences().get(0);
    }

    private static VerificationResult verify(String... databases) {
        return new Verifier(source(), destination(), filter(databases), 10, new VerificationProgress()).verify();
    }

    private static NamespaceFilter filter(String... databases) {
        return NamespaceFilter.parse(Arrays.stream(databases).map(db -> "{\"database\": \"" + db + "\"}").toList(), List.of());
    }

    private static void insert(MongoClient cluster, String database, String... documents) {
        cluster.getDatabase(database).getCollection("c", BsonDocument.class)
                .insertMany(Arrays.stream(documents).map(BsonDocument::parse).toList());
    }

    private static MongoClient source() {
        return CLUSTERS.client(0);
    }

    private static MongoClient destination() {
        return CLUSTERS.client(1);
    }

    private static List<MongoClient> both() {
        return List.of(source(), destination());
    }
}
