package io.c2csync.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

class WriteKindGroupingTest {

  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  @Test
  void writesToDifferentDocumentsAreGroupedByKind() {
    WriteModel<BsonDocument> upsert1 = upsert("{_id: 1}");
    WriteModel<BsonDocument> delete2 = delete("{_id: 2}");
    WriteModel<BsonDocument> update3 = update("{_id: 3}");
    WriteModel<BsonDocument> delete4 = delete("{_id: 4}");
    WriteModel<BsonDocument> upsert5 = upsert("{_id: 5}");

    assertThat(WriteKindGrouping.grouped(List.of(upsert1, delete2, update3, delete4, upsert5)))
        .containsExactly(upsert1, upsert5, delete2, delete4, update3);
  }

  @Test
  void anUpdateFollowsTheUpsertOfItsDocumentAndPrecedesItsDelete() {
    WriteModel<BsonDocument> upsert1 = upsert("{_id: 1}");
    WriteModel<BsonDocument> update1 = update("{_id: 1}");
    WriteModel<BsonDocument> upsert2 = upsert("{_id: 2}");
    WriteModel<BsonDocument> delete1 = delete("{_id: 1}");
    WriteModel<BsonDocument> update2 = update("{_id: 2}");

    assertThat(WriteKindGrouping.grouped(List.of(upsert1, update1, upsert2, delete1, update2)))
        .containsExactly(upsert1, upsert2, update1, update2, delete1);
  }

  @Test
  void writesToOneDocumentKeepTheirOrder() {
    WriteModel<BsonDocument> upsert1 = upsert("{_id: 1}");
    WriteModel<BsonDocument> delete1 = delete("{_id: 1}");
    WriteModel<BsonDocument> upsert2 = upsert("{_id: 2}");
    WriteModel<BsonDocument> reinsert1 = upsert("{_id: 1}");
    WriteModel<BsonDocument> delete2 = delete("{_id: 2}");

    assertThat(WriteKindGrouping.grouped(List.of(upsert1, delete1, upsert2, reinsert1, delete2)))
        .containsExactly(upsert1, upsert2, delete1, delete2, reinsert1);
  }

  @Test
  void writesOfOneKindKeepTheirOrder() {
    WriteModel<BsonDocument> upsert1 = upsert("{_id: 1}");
    WriteModel<BsonDocument> delete1 = delete("{_id: 1}");
    WriteModel<BsonDocument> reinsert1 = upsert("{_id: 1}");
    WriteModel<BsonDocument> upsert2 = upsert("{_id: 2}");

    assertThat(WriteKindGrouping.grouped(List.of(upsert1, delete1, reinsert1, upsert2)))
        .containsExactly(upsert1, delete1, reinsert1, upsert2);
  }

  @Test
  void idsMongoDbComparesAsEqualAreOneDocument() {
    WriteModel<BsonDocument> upsertInt = upsert("{_id: 1}");
    WriteModel<BsonDocument> deleteLong = delete("{_id: {$numberLong: '1'}}");
    WriteModel<BsonDocument> upsertDouble = upsert("{_id: 1.0}");
    WriteModel<BsonDocument> deleteDecimal = delete("{_id: {$numberDecimal: '-0'}}");
    WriteModel<BsonDocument> upsertZero = upsert("{_id: 0}");

    assertThat(WriteKindGrouping.grouped(List.of(upsertInt, deleteLong, upsertDouble, deleteDecimal, upsertZero)))
        .containsExactly(upsertInt, deleteLong, deleteDecimal, upsertDouble, upsertZero);
  }

  @Test
  void documentIdsAreAllTreatedAsOneDocument() {
    WriteModel<BsonDocument> upsertA = upsert("{_id: {a: 1}}");
    WriteModel<BsonDocument> deleteA = delete("{_id: {a: 1.0}}");
    WriteModel<BsonDocument> upsertB = upsert("{_id: {b: 1}}");

    assertThat(WriteKindGrouping.grouped(List.of(upsertA, deleteA, upsertB))).containsExactly(upsertA, deleteA, upsertB);
  }

  @Test
  void anInsertAfterItsDeleteStaysAfterIt() {
    WriteModel<BsonDocument> delete1 = delete("{_id: 'x'}");
    WriteModel<BsonDocument> insert1 = new InsertOneModel<>(BsonDocument.parse("{_id: 'x', $dollar: 1}"));
    WriteModel<BsonDocument> insert2 = new InsertOneModel<>(BsonDocument.parse("{_id: 'y'}"));

    assertThat(WriteKindGrouping.grouped(List.of(insert2, delete1, insert1))).containsExactly(insert2, delete1, insert1);
  }

  @Test
  void aWriteNotByIdKeepsTheSourceOrderOfTheRun() {
    List<WriteModel<BsonDocument>> models = List.of(upsert("{_id: 1}"), delete("{_id: 2}"),
        new UpdateManyModel<>(BsonDocument.parse("{a: 1}"), BsonDocument.parse("{$set: {b: 1}}")), upsert("{_id: 3}"));

    assertThat(WriteKindGrouping.grouped(models)).isSameAs(models);
  }

  private static WriteModel<BsonDocument> upsert(String filter) {
    BsonDocument id = BsonDocument.parse(filter);
    return new ReplaceOneModel<>(id, id.clone().append("v", id.get("_id")), UPSERT);
  }

  private static WriteModel<BsonDocument> update(String filter) {
    return new UpdateOneModel<>(BsonDocument.parse(filter), BsonDocument.parse("{$inc: {n: 1}}"));
  }

  private static WriteModel<BsonDocument> delete(String filter) {
    return new DeleteOneModel<>(BsonDocument.parse(filter));
  }
}
