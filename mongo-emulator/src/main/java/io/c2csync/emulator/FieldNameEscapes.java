package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Top-level field names with a dot or a leading dollar, which MongoDB 5.0+ stores and keeps through updates of other
 * fields and replacements, but which make mongo-java-server's update path fail (a write error without a code, or 52).
 * While one update runs, such names are replaced, in place and in order, by names starting with a zero character
 * (which no BSON field name can contain), and restored afterwards.
 */
final class FieldNameEscapes {

    private static final char MARK = '\0';

    private final Map<String, String> originals = new HashMap<>();

    static boolean presentIn(Document document) {
        return document.keySet().stream().anyMatch(FieldNameEscapes::unusual);
    }

    private static boolean unusual(String name) {
        return name.indexOf('.') >= 0 || name.startsWith("$");
    }

    /** Escapes the unusual top-level names of {@code document}; answers whether there were any. */
    boolean escape(Document document) {
        if (!presentIn(document)) {
            return false;
        }
        rename(document, name -> {
            if (!unusual(name)) {
                return name;
            }
            String escaped = MARK + Integer.toString(originals.size());
            originals.put(escaped, name);
            return escaped;
        });
        return true;
    }

    void restore(Document document) {
        if (document.keySet().stream().anyMatch(name -> name.indexOf(MARK) == 0)) {
            rename(document, name -> originals.getOrDefault(name, name));
        }
    }

    private static void rename(Document document, UnaryOperator<String> newName) {
        List<Map.Entry<String, Object>> fields = new ArrayList<>(document.entrySet());
        document.clear();
        fields.forEach(field -> document.put(newName.apply(field.getKey()), field.getValue()));
    }
}
