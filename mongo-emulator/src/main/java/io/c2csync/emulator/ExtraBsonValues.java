package io.c2csync.emulator;

import java.util.Arrays;
import java.util.HexFormat;

import de.bwaldvogel.mongo.bson.Bson;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The BSON values mongo-java-server has no class for, kept as sent so that they are stored, returned and reported
 * in change events byte for byte. Its query engine compares them by equality only (sorting on them is refused).
 */
final class ExtraBsonValues {

    private ExtraBsonValues() {
    }

    /** Binary data of a subtype other than 0 (generic) and 16-byte UUIDs (3, 4): the bytes after the subtype byte. */
    record Binary(byte subtype, byte[] data) implements Bson {
        @Override
        public boolean equals(Object other) {
            return other instanceof Binary binary && binary.subtype == subtype && Arrays.equals(binary.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * subtype + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "BinData(" + (subtype & 0xff) + ", " + HexFormat.of().formatHex(data) + ")";
        }
    }

    /** The deprecated undefined value (BSON type 6), which MongoDB stores as sent. */
    enum Undefined implements Bson {
        VALUE;

        @Override
        public String toString() {
            return "undefined";
        }
    }

    /** The deprecated DBPointer (BSON type 12). */
    record DbPointer(String namespace, ObjectId id) implements Bson {
    }

    /** The deprecated symbol (BSON type 14). */
    record Symbol(String symbol) implements Bson {
    }

    /** JavaScript code with scope (BSON type 15). */
    record JavaScriptWithScope(String code, Document scope) implements Bson {
    }
}
