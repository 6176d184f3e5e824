package io.c2csync.controlplane.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.MongoNamespace;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Catalog comparisons on {@code listCollections}/{@code listIndexes} entries as a server returns them; views are tested
 * here because the emulator refuses to create them.
 */
class CatalogComparisonTest {

    private static final MongoNamespace NAMESPACE = new MongoNamespace("db.v");

    @Test
    void aViewWithAnotherPipelineIsAViewDefinitionDifference() {
        CollectionSpec source = spec("view", "{viewOn: 'orders', pipeline: [{$match: {status: 'open'}}]}");
        CollectionSpec destination = spec("view", "{viewOn: 'orders', pipeline: [{$match: {status: 'closed'}}]}");

        List<Difference> differences = CatalogComparison.definitions(source, destination);

        assertThat(differences).containsExactly(new Difference(DifferenceKind.VIEW_DEFINITION, NAMESPACE, null,
                "pipeline: source array [{\"$match\": {\"status\": \"open\"}}], destination array [{\"$match\": {\"status\": \"closed\"}}]"));
    }

    @Test
    void aViewOnAnotherCollectionIsAViewDefinitionDifference() {
        List<Difference> differences = CatalogComparison.definitions(spec("view", "{viewOn: 'a', pipeline: []}"),
                spec("view", "{viewOn: 'b', pipeline: []}"));

        assertThat(differences).extracting(Difference::kind, Difference::detail).containsExactly(
                tuple(DifferenceKind.VIEW_DEFINITION, "viewOn: source string \"a\", destination string \"b\""));
    }

    @Test
    void aViewAgainstACollectionIsANamespaceTypeDifference() {
        List<Difference> differences = CatalogComparison.definitions(spec("view", "{viewOn: 'a', pipeline: []}"),
                spec("collection", "{}"));

        assertThat(differences).containsExactly(new Difference(DifferenceKind.NAMESPACE_TYPE, NAMESPACE, null,
                "source is a view, destination a collection"));
    }

    @Test
    void optionsListedInAnotherOrderAreEqualButNotOfAnotherType() {
        CollectionSpec source = spec("collection", "{capped: true, size: 4096}");

        assertThat(CatalogComparison.definitions(source, spec("collection", "{size: 4096, capped: true}"))).isEmpty();
        assertThat(CatalogComparison.definitions(source, spec("collection", "{capped: true, size: {$numberLong: '4096'}}")))
                .extracting(Difference::kind, Difference::detail).containsExactly(tuple(
                        DifferenceKind.COLLECTION_OPTIONS, "size: source int32 4096, destination int64 4096"));
    }

    @Test
    void anIndexKeyInAnotherFieldOrderIsAnotherIndex() {
        List<BsonDocument> source = List.of(BsonDocument.parse("{v: 2, key: {a: 1, b: 1}, name: 'ab'}"));
        List<BsonDocument> destination = List.of(BsonDocument.parse("{v: 2, key: {b: 1, a: 1}, name: 'ab'}"));

        assertThat(CatalogComparison.indexes(NAMESPACE, source, destination)).containsExactly(new Difference(
                DifferenceKind.INDEX_DEFINITION, NAMESPACE, null,
                "index ab: key: source document {\"a\": 1, \"b\": 1}, destination document {\"b\": 1, \"a\": 1}"));
    }

    @Test
    void indexOptionsInAnotherOrderAreTheSameIndex() {
        List<BsonDocument> source = List.of(BsonDocument.parse("{v: 2, key: {a: 1}, name: 'a', unique: true, sparse: true}"));
        List<BsonDocument> destination = List.of(BsonDocument.parse("{name: 'a', key: {a: 1}, sparse: true, unique: true, v: 2}"));

        assertThat(CatalogComparison.indexes(NAMESPACE, source, destination)).isEmpty();
    }

    private static CollectionSpec spec(String type, String options) {
        return new CollectionSpec(NAMESPACE, type, BsonDocument.parse(options));
    }
}
