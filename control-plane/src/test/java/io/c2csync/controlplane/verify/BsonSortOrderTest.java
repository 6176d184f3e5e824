package io.c2csync.controlplane.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

class BsonSortOrderTest {

    @Test
    void sortsByTypeClassThenValueAsMongoDbDoes() {
        List<BsonValue> sorted = values("{$minKey: 1}", "null", "{$numberDouble: 'NaN'}", "-2.5", "1", "{$numberLong: '2'}",
                "{$numberDecimal: '2.5'}", "'B'", "'a'", "'é'", "{}", "{a: 1}", "{a: 1, b: 1}", "{b: 0}", "[]", "[1]",
                "{$binary: {base64: 'AQ==', subType: '80'}}", "{$binary: {base64: 'AQI=', subType: '00'}}",
                "{$oid: '650000000000000000000001'}", "{$oid: '650000000000000000000002'}", "false", "true",
                "{$date: '1960-01-01T00:00:00Z'}", "{$date: '2024-01-01T00:00:00Z'}", "{$timestamp: {t: 1, i: 2}}",
                "{$timestamp: {t: 4000000000, i: 1}}", "{$regularExpression: {pattern: 'a', options: ''}}", "{$maxKey: 1}");
        List<BsonValue> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);

        shuffled.sort(BsonSortOrder.INSTANCE);

        assertThat(shuffled).containsExactlyElementsOf(sorted);
    }

    @Test
    void numbersCompareByValueWhateverTheirType() {
        assertThat(compare("1", "{$numberLong: '1'}")).isZero();
        assertThat(compare("1", "1.0")).isZero();
        assertThat(compare("{$numberDecimal: '1.00'}", "1")).isZero();
        assertThat(compare("-0.0", "0")).isZero();
        assertThat(compare("{$numberDecimal: '-0'}", "0")).isZero();
        assertThat(compare("{$numberLong: '9007199254740993'}", "9007199254740992.0")).isPositive();
        assertThat(compare("{$numberDouble: '-Infinity'}", "{$numberLong: '-9223372036854775808'}")).isNegative();
        assertThat(compare("{$numberDecimal: 'NaN'}", "{$numberDouble: '-Infinity'}")).isNegative();
    }

    @Test
    void documentsCompareFieldByFieldByTypeThenNameThenValue() {
        assertThat(compare("{a: 'x'}", "{a: 1}")).isPositive();
        assertThat(compare("{a: 1}", "{b: 0}")).isNegative();
        assertThat(compare("{a: 2}", "{a: 1, b: 1}")).isPositive();
        assertThat(compare("{a: 1}", "{a: {$numberLong: '1'}}")).isZero();
    }

    private static int compare(String left, String right) {
        return BsonSortOrder.INSTANCE.compare(value(left), value(right));
    }

    private static List<BsonValue> values(String... json) {
        return Arrays.stream(json).map(BsonSortOrderTest::value).toList();
    }

    private static BsonValue value(String json) {
        return BsonDocument.parse("{v: " + json + "}").get("v");
    }
}
