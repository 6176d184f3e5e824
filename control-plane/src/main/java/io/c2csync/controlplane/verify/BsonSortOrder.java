package io.c2csync.controlplane.verify;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * The order in which MongoDB sorts BSON values under the simple collation (as an ascending {@code _id} index holds
 * them): first by type class (MinKey, null, numbers, strings, objects, arrays, binary, ObjectId, boolean, date,
 * timestamp, regex, DBPointer, code, code with scope, MaxKey), then by value; numbers of any type by their value.
 */
final class BsonSortOrder implements Comparator<BsonValue> {

    static final BsonSortOrder INSTANCE = new BsonSortOrder();

    private BsonSortOrder() {
    }

    @Override
    public int compare(BsonValue left, BsonValue right) {
        int byType = Integer.compare(typeClass(left.getBsonType()), typeClass(right.getBsonType()));
        return byType != 0 ? byType : compareSameClass(left, right);
    }

    private static int typeClass(BsonType type) {
        return switch (type) {
            case MIN_KEY -> -1;
            case UNDEFINED -> 0;
            case NULL -> 5;
            case INT32, INT64, DOUBLE, DECIMAL128 -> 10;
            case STRING, SYMBOL -> 15;
            case DOCUMENT -> 20;
            case ARRAY -> 25;
            case BINARY -> 30;
            case OBJECT_ID -> 35;
            case BOOLEAN -> 40;
            case DATE_TIME -> 45;
            case TIMESTAMP -> 47;
            case REGULAR_EXPRESSION -> 50;
            case DB_POINTER -> 55;
            case JAVASCRIPT -> 60;
            case JAVASCRIPT_WITH_SCOPE -> 65;
            case MAX_KEY -> 127;
            case END_OF_DOCUMENT -> throw new IllegalArgumentException("not a value: " + type);
        };
    }

    private int compareSameClass(BsonValue left, BsonValue right) {
        return switch (left.getBsonType()) {
            case MIN_KEY, MAX_KEY, NULL, UNDEFINED -> 0;
            case INT32, INT64, DOUBLE, DECIMAL128 -> compareNumbers(left, right);
            case STRING, SYMBOL -> compareUtf8(text(left), text(right));
            case DOCUMENT -> compareEntries(left.asDocument().entrySet().iterator(), right.asDocument().entrySet().iterator());
            case ARRAY -> compareEntries(arrayEntries(left), arrayEntries(right));
            case BINARY -> compareBinary(left.asBinary(), right.asBinary());
            case OBJECT_ID -> left.asObjectId().getValue().compareTo(right.asObjectId().getValue());
            case BOOLEAN -> Boolean.compare(left.asBoolean().getValue(), right.asBoolean().getValue());
            case DATE_TIME -> Long.compare(left.asDateTime().getValue(), right.asDateTime().getValue());
            case TIMESTAMP -> Long.compareUnsigned(left.asTimestamp().getValue(), right.asTimestamp().getValue());
            case REGULAR_EXPRESSION -> compareRegex(left.asRegularExpression(), right.asRegularExpression());
            case DB_POINTER -> compareDbPointer(left, right);
            case JAVASCRIPT -> compareUtf8(left.asJavaScript().getCode(), right.asJavaScript().getCode());
            case JAVASCRIPT_WITH_SCOPE -> compareCodeWithScope(left, right);
            case END_OF_DOCUMENT -> throw new IllegalArgumentException("not a value: END_OF_DOCUMENT");
        };
    }

    private static int compareNumbers(BsonValue left, BsonValue right) {
        if (isIntegral(left) && isIntegral(right)) {
            return Long.compare(left.asNumber().longValue(), right.asNumber().longValue());
        }
        if (left.isDouble() && right.isDouble()) {
            return compareDoubles(left.asDouble().getValue(), right.asDouble().getValue());
        }
        return compareExactly(left, right);
    }

    private static boolean isIntegral(BsonValue value) {
        return value.isInt32() || value.isInt64();
    }

    /** NaN sorts before every number and -0.0 equals 0.0, as in MongoDB. */
    private static int compareDoubles(double left, double right) {
        if (Double.isNaN(left) || Double.isNaN(right)) {
            return Boolean.compare(!Double.isNaN(left), !Double.isNaN(right));
        }
        return left == right ? 0 : Double.compare(left, right);
    }

    /** Mixed types (a long beyond 2^53 against a double, decimals) compared by their exact values. */
    private static int compareExactly(BsonValue left, BsonValue right) {
        double leftApproximation = approximation(left);
        double rightApproximation = approximation(right);
        if (Double.isNaN(leftApproximation) || Double.isNaN(rightApproximation) || Double.isInfinite(leftApproximation)
                || Double.isInfinite(rightApproximation)) {
            return compareDoubles(leftApproximation, rightApproximation);
        }
        return exact(left).compareTo(exact(right));
    }

    private static double approximation(BsonValue number) {
        if (number.isDecimal128()) {
            Decimal128 decimal = number.asDecimal128().getValue();
            if (decimal.isNaN()) {
                return Double.NaN;
            }
            if (decimal.isInfinite()) {
                return decimal.isNegative() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return finiteDecimal(decimal).doubleValue();
        }
        return number.asNumber().doubleValue();
    }

    private static BigDecimal exact(BsonValue number) {
        return switch (number.getBsonType()) {
            case DECIMAL128 -> finiteDecimal(number.asDecimal128().getValue());
            case DOUBLE -> new BigDecimal(number.asDouble().getValue());
            default -> BigDecimal.valueOf(number.asNumber().longValue());
        };
    }

    /** Through its text, because {@link Decimal128#bigDecimalValue()} refuses negative zero. */
    private static BigDecimal finiteDecimal(Decimal128 decimal) {
        return new BigDecimal(decimal.toString());
    }

    private static String text(BsonValue value) {
        return value.isString() ? value.asString().getValue() : value.asSymbol().getSymbol();
    }

    private static int compareUtf8(String left, String right) {
        return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }

    /** Objects and arrays: element by element, each by value type class, then field name, then value; then length. */
    private int compareEntries(Iterator<Map.Entry<String, BsonValue>> left, Iterator<Map.Entry<String, BsonValue>> right) {
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<String, BsonValue> leftEntry = left.next();
            Map.Entry<String, BsonValue> rightEntry = right.next();
            int result = Integer.compare(typeClass(leftEntry.getValue().getBsonType()), typeClass(rightEntry.getValue().getBsonType()));
            if (result == 0) {
                result = compareUtf8(leftEntry.getKey(), rightEntry.getKey());
            }
            if (result == 0) {
                result = compareSameClass(leftEntry.getValue(), rightEntry.getValue());
            }
            if (result != 0) {
                return result;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private static Iterator<Map.Entry<String, BsonValue>> arrayEntries(BsonValue array) {
        Iterator<BsonValue> values = array.asArray().iterator();
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public Map.Entry<String, BsonValue> next() {
                return Map.entry(Integer.toString(index++), values.next());
            }
        };
    }

    private static int compareBinary(BsonBinary left, BsonBinary right) {
        int result = Integer.compare(left.getData().length, right.getData().length);
        if (result == 0) {
            result = Integer.compare(Byte.toUnsignedInt(left.getType()), Byte.toUnsignedInt(right.getType()));
        }
        return result != 0 ? result : Arrays.compareUnsigned(left.getData(), right.getData());
    }

    private static int compareRegex(BsonRegularExpression left, BsonRegularExpression right) {
        int result = compareUtf8(left.getPattern(), right.getPattern());
        return result != 0 ? result : compareUtf8(left.getOptions(), right.getOptions());
    }

    private static int compareDbPointer(BsonValue left, BsonValue right) {
        String leftNamespace = left.asDBPointer().getNamespace();
        String rightNamespace = right.asDBPointer().getNamespace();
        int result = Integer.compare(leftNamespace.length(), rightNamespace.length());
        if (result == 0) {
            result = compareUtf8(leftNamespace, rightNamespace);
        }
        return result != 0 ? result : left.asDBPointer().getId().compareTo(right.asDBPointer().getId());
    }

    private int compareCodeWithScope(BsonValue left, BsonValue right) {
        int result = compareUtf8(left.asJavaScriptWithScope().getCode(), right.asJavaScriptWithScope().getCode());
        if (result != 0) {
            return result;
        }
        BsonDocument leftScope = left.asJavaScriptWithScope().getScope();
        BsonDocument rightScope = right.asJavaScriptWithScope().getScope();
        return compareEntries(leftScope.entrySet().iterator(), rightScope.entrySet().iterator());
    }
}
