package io.c2csync.controlplane.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

class DocumentComparisonTest {

    @Test
    void equalBytesAreTheSameDocument() {
        assertThat(DocumentComparison.sameBytes(raw("{_id: 1, a: [1, {b: 2}]}"), raw("{_id: 1, a: [1, {b: 2}]}"))).isTrue();
        assertThat(DocumentComparison.sameBytes(raw("{_id: 1, a: 1}"), raw("{_id: 1, a: {$numberLong: '1'}}"))).isFalse();
    }

    @Test
    void nestedDifferencesAreNamedByTheirPath() {
        assertMismatch("{a: {b: 1, c: 2}}", "{a: {c: 2, b: 1}}", DifferenceKind.CHANGED_FIELD_ORDER,
                "fields of a: source [b, c], destination [c, b]");
        assertMismatch("{a: [1, {b: 'x'}]}", "{a: [1, {b: 'y'}]}", DifferenceKind.CHANGED_VALUE,
                "field a.1.b: source string \"x\", destination string \"y\"");
        assertMismatch("{a: [1, 2]}", "{a: [1, 2.0]}", DifferenceKind.CHANGED_TYPE,
                "field a.1: source int32 2, destination double 2.0");
        assertMismatch("{a: [1, 2]}", "{a: [1]}", DifferenceKind.CHANGED_VALUE,
                "field a: source array of 2 elements, destination array of 1");
        assertMismatch("{a: {b: 1}}", "{a: {}}", DifferenceKind.MISSING_FIELD,
                "field a.b (source int32 1) is not on the destination");
        assertMismatch("{a: {}}", "{a: {b: null}}", DifferenceKind.EXTRA_FIELD,
                "field a.b (destination null null) is not on the source");
    }

    @Test
    void aValueDifferenceIsReportedBeforeAnOrderDifference() {
        assertMismatch("{a: 1, b: 2}", "{b: 3, a: 1}", DifferenceKind.CHANGED_VALUE,
                "field b: source int32 2, destination int32 3");
    }

    private static void assertMismatch(String source, String destination, DifferenceKind kind, String detail) {
        assertThat(DocumentComparison.firstMismatch(raw(source), raw(destination)))
                .isEqualTo(new DocumentComparison.Mismatch(kind, detail));
    }

    private static RawBsonDocument raw(String json) {
        return RawBsonDocument.parse(json);
    }
}
