package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

class UpdateDescriptionsTest {

    @Test
    void nestedChangesAreReportedByDottedPath() {
        Document before = new Document("_id", 1).append("a", new Document("b", 1).append("c", 2)).append("gone", 0);
        Document after = new Document("_id", 1).append("a", new Document("b", 5)).append("new", "x");

        Document description = UpdateDescriptions.between(before, after);

        assertThat(description.get("updatedFields")).isEqualTo(new Document("a.b", 5).append("new", "x"));
        assertThat(description.get("removedFields")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder("a.c", "gone");
        assertThat(description.get("truncatedArrays")).isEqualTo(List.of());
        assertThat(description.get("disambiguatedPaths")).isEqualTo(new Document());
    }

    @Test
    void arraysAreDiffedByIndexAndShorteningIsATruncation() {
        Document before = new Document("grown", List.of(1)).append("shrunk", List.of(1, 2, 3))
            .append("objects", List.of(new Document("k", 1)));
        Document after = new Document("grown", List.of(1, 2)).append("shrunk", List.of(9))
            .append("objects", List.of(new Document("k", 2)));

        Document description = UpdateDescriptions.between(before, after);

        assertThat(description.get("updatedFields")).isEqualTo(new Document("grown.1", 2).append("shrunk.0", 9).append("objects.0.k", 2));
        assertThat(description.get("truncatedArrays")).isEqualTo(List.of(new Document("field", "shrunk").append("newSize", 1)));
    }

    @Test
    void aChangeOfTypeIsAnUpdateOfTheWholeField() {
        Document description = UpdateDescriptions.between(new Document("v", 1).append("w", new Document("x", 1)),
            new Document("v", 1.0).append("w", List.of(1)));

        assertThat(description.get("updatedFields")).isEqualTo(new Document("v", 1.0).append("w", List.of(1)));
    }

    @Test
    void numericAndDottedFieldNamesAreDisambiguated() {
        Document before = new Document("m", new Document("1", "a")).append("arr", List.of(new Document("2", "x")));
        Document after = new Document("m", new Document("1", "b")).append("arr", List.of(new Document("2", "y")))
            .append("a.b", true);

        Document paths = (Document) UpdateDescriptions.between(before, after).get("disambiguatedPaths");

        assertThat(paths).isEqualTo(new Document("m.1", List.of("m", "1")).append("arr.0.2", List.of("arr", 0, "2"))
            .append("a.b", List.of("a.b")));
    }
}
