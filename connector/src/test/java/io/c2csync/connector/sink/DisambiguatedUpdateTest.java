package io.c2csync.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class DisambiguatedUpdateTest {

  private static UpdateDescription description(String json) {
    return UpdateDescription.of(new ChangeEvent(BsonDocument.parse(
        "{operationType: 'update', ns: {db: 'd', coll: 'c'}, documentKey: {_id: 1}, updateDescription: " + json + "}"), "test"));
  }

  @Test
  void dottedFieldNamesAreSingleComponents() {
    BsonDocument before = BsonDocument.parse("{_id: 1, 'a.b': 1, a: {b: 5, 'c.d': {e: 1}}, gone: {'x.y': 1, z: 2}}");

    BsonDocument after = DisambiguatedUpdate.apply(before, description("{updatedFields: {'a.b': 2, 'a.c.d.e': 3}, "
        + "removedFields: ['gone.x.y'], truncatedArrays: [], "
        + "disambiguatedPaths: {'a.b': ['a.b'], 'a.c.d.e': ['a', 'c.d', 'e'], 'gone.x.y': ['gone', 'x.y']}}"));

    assertThat(after).isEqualTo(BsonDocument.parse("{_id: 1, 'a.b': 2, a: {b: 5, 'c.d': {e: 3}}, gone: {z: 2}}"));
    assertThat(before.getInt32("a.b").getValue()).isEqualTo(1);
  }

  @Test
  void numericComponentsAreIndexesOnlyWhenTheyAreNumbers() {
    BsonDocument before = BsonDocument.parse("{_id: 1, arr: [{'0': 'a'}, 'b', 'c', 'd'], doc: {'1': 'x'}}");

    BsonDocument after = DisambiguatedUpdate.apply(before, description("{updatedFields: {'arr.0.0': 'A', 'doc.1': 'y', "
        + "'arr.2': 'C', 'new.1': 'n'}, removedFields: [], truncatedArrays: [{field: 'arr', newSize: 3}], "
        + "disambiguatedPaths: {'arr.0.0': ['arr', 0, '0'], 'doc.1': ['doc', '1'], 'new.1': ['new', '1']}}"));

    assertThat(after).isEqualTo(BsonDocument.parse(
        "{_id: 1, arr: [{'0': 'A'}, 'b', 'C'], doc: {'1': 'y'}, new: {'1': 'n'}}"));
  }
}
