package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Computes a change event's {@code updateDescription} from the real pre- and post-images, the way MongoDB's
 * document diff does: changed or added fields in {@code updatedFields}, removed fields in {@code removedFields},
 * shortened arrays in {@code truncatedArrays}, and, for paths whose dotted form is ambiguous (numeric field
 * names, or dots inside field names), the path as a list in {@code disambiguatedPaths}.
 */
final class UpdateDescriptions {

    private final Document updatedFields = new Document();
    private final List<String> removedFields = new ArrayList<>();
    private final List<Document> truncatedArrays = new ArrayList<>();
    private final Document disambiguatedPaths = new Document();

    private UpdateDescriptions() {
    }

    static Document between(Document before, Document after) {
        UpdateDescriptions diff = new UpdateDescriptions();
        diff.compareDocuments(new Path(), before, after);
        return new Document("updatedFields", diff.updatedFields)
            .append("removedFields", diff.removedFields)
            .append("truncatedArrays", diff.truncatedArrays)
            .append("disambiguatedPaths", diff.disambiguatedPaths);
    }

    private void compareDocuments(Path path, Document before, Document after) {
        for (String field : before.keySet()) {
            if (!after.containsKey(field)) {
                Path removed = path.field(field);
                removedFields.add(removed.dotted());
                noteIfAmbiguous(removed);
            }
        }
        for (String field : after.keySet()) {
            Path fieldPath = path.field(field);
            if (!before.containsKey(field)) {
                set(fieldPath, after.get(field));
            } else {
                compareValues(fieldPath, before.get(field), after.get(field));
            }
        }
    }

    private void compareValues(Path path, Object before, Object after) {
        if (before instanceof Document beforeDocument && after instanceof Document afterDocument) {
            compareDocuments(path, beforeDocument, afterDocument);
        } else if (before instanceof List<?> beforeList && after instanceof List<?> afterList) {
            compareArrays(path, beforeList, afterList);
        } else if (!sameValue(before, after)) {
            set(path, after);
        }
    }

    private void compareArrays(Path path, List<?> before, List<?> after) {
        if (after.size() < before.size()) {
            truncatedArrays.add(new Document("field", path.dotted()).append("newSize", after.size()));
            noteIfAmbiguous(path);
        }
        for (int index = 0; index < after.size(); index++) {
            Path elementPath = path.index(index);
            if (index >= before.size()) {
                set(elementPath, after.get(index));
            } else {
                compareValues(elementPath, before.get(index), after.get(index));
            }
        }
    }

    private void set(Path path, Object value) {
        updatedFields.put(path.dotted(), value);
        noteIfAmbiguous(path);
    }

    private void noteIfAmbiguous(Path path) {
        if (path.ambiguous()) {
            disambiguatedPaths.put(path.dotted(), path.segments());
        }
    }

    /** Values equal in BSON terms: same type and same value (so 1 and 1.0 differ, as they do in the oplog diff). */
    private static boolean sameValue(Object before, Object after) {
        return Objects.equals(before, after) && (before == null || before.getClass().equals(after.getClass()));
    }

    /** A path from the document root; array indexes are kept as integers. */
    private record Path(List<Object> segments, boolean ambiguous) {

        Path() {
            this(List.of(), false);
        }

        Path field(String name) {
            return append(name, ambiguous || name.contains(".") || isNumeric(name));
        }

        Path index(int position) {
            return append(position, ambiguous);
        }

        private Path append(Object segment, boolean nowAmbiguous) {
            List<Object> longer = new ArrayList<>(segments);
            longer.add(segment);
            return new Path(List.copyOf(longer), nowAmbiguous);
        }

        String dotted() {
            StringBuilder dotted = new StringBuilder();
            for (Object segment : segments) {
                if (dotted.length() > 0) {
                    dotted.append('.');
                }
                dotted.append(segment);
            }
            return dotted.toString();
        }

        private static boolean isNumeric(String name) {
            return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
        }
    }
}
