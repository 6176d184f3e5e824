package io.c2csync.controlplane.verify;

import com.mongodb.MongoNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The catalog of one namespace on both sides: its type, its options (or view definition) and its indexes. Options
 * are compared by value and BSON type, not by the order the server lists them in; index keys also by their order.
 */
final class CatalogComparison {

    private CatalogComparison() {
    }

    static List<Difference> definitions(CollectionSpec source, CollectionSpec destination) {
        MongoNamespace namespace = source.namespace();
        if (!source.type().equals(destination.type())) {
            return List.of(new Difference(DifferenceKind.NAMESPACE_TYPE, namespace, null,
                    "source is a " + source.type() + ", destination a " + destination.type()));
        }
        String optionDifferences = fieldDifferences(source.options(), destination.options());
        if (optionDifferences.isEmpty()) {
            return List.of();
        }
        DifferenceKind kind = source.type().equals("view") ? DifferenceKind.VIEW_DEFINITION : DifferenceKind.COLLECTION_OPTIONS;
        return List.of(new Difference(kind, namespace, null, optionDifferences));
    }

    static List<Difference> indexes(MongoNamespace namespace, List<BsonDocument> source, List<BsonDocument> destination) {
        Map<String, BsonDocument> sourceByName = byName(source);
        Map<String, BsonDocument> destinationByName = byName(destination);
        List<Difference> differences = new ArrayList<>();
        sourceByName.forEach((name, index) -> {
            BsonDocument other = destinationByName.get(name);
            if (other == null) {
                differences.add(new Difference(DifferenceKind.MISSING_INDEX, namespace, null,
                        "index " + name + " " + Difference.json(index) + " is not on the destination"));
            } else {
                String indexDifferences = fieldDifferences(index, other);
                if (!indexDifferences.isEmpty()) {
                    differences.add(new Difference(DifferenceKind.INDEX_DEFINITION, namespace, null,
                            "index " + name + ": " + indexDifferences));
                }
            }
        });
        destinationByName.forEach((name, index) -> {
            if (!sourceByName.containsKey(name)) {
                differences.add(new Difference(DifferenceKind.EXTRA_INDEX, namespace, null,
                        "index " + name + " " + Difference.json(index) + " is not on the source"));
            }
        });
        return differences;
    }

    private static Map<String, BsonDocument> byName(List<BsonDocument> indexes) {
        Map<String, BsonDocument> byName = new LinkedHashMap<>();
        indexes.forEach(index -> byName.put(index.getString("name").getValue(), index));
        return byName;
    }

    /** e.g. {@code validator: source {...}, destination {...}; capped: source true, destination absent}; empty when equal. */
    private static String fieldDifferences(BsonDocument source, BsonDocument destination) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(source.keySet());
        names.addAll(destination.keySet());
        for (String name : names) {
            BsonValue sourceValue = source.get(name);
            BsonValue destinationValue = destination.get(name);
            if (!same(name, sourceValue, destinationValue)) {
                differences.add(name + ": source " + shown(sourceValue) + ", destination " + shown(destinationValue));
            }
        }
        return String.join("; ", differences);
    }

    /** By value and type; an index {@code key} also by the order of its fields, which makes it another index. */
    private static boolean same(String name, BsonValue source, BsonValue destination) {
        if (!Objects.equals(source, destination)) {
            return false;
        }
        return !name.equals("key") || source == null || !source.isDocument()
                || new ArrayList<>(source.asDocument().keySet()).equals(new ArrayList<>(destination.asDocument().keySet()));
    }

    private static String shown(BsonValue value) {
        return value == null ? "absent" : DocumentComparison.text(value);
    }
}
