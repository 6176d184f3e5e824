package io.c2csync.connector.sink;

import java.util.List;
import java.util.Optional;

import org.bson.BsonDocument;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * Writes one run of a collection's writes as an ordered bulk write. Inserts go as inserts; when one meets a document
 * that is already there (a replay after a crash, or the copy and the change stream both bringing it), the server
 * stops at it, having applied everything before it: the rest of the run is written again from there with every
 * insert as a replace with upsert ({@link FullDocumentWrites#upsert}), which is what the insert means. Any other
 * error, or a duplicate key once the inserts are upserts (a unique index the document really violates), is thrown.
 */
final class RunWriter {

  private static final int DUPLICATE_KEY = 11000;
  private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

  private RunWriter() {}

  static void write(MongoCollection<BsonDocument> collection, List<WriteModel<BsonDocument>> models) {
    try {
      collection.bulkWrite(models, ORDERED);
    } catch (MongoBulkWriteException e) {
      int from = duplicateInsert(e, models).orElseThrow(() -> e);
      collection.bulkWrite(models.subList(from, models.size()).stream().map(RunWriter::asUpsert).toList(), ORDERED);
    }
  }

  /** The index of the insert the server stopped at because its document exists, if that is why it stopped. */
  private static Optional<Integer> duplicateInsert(MongoBulkWriteException e, List<WriteModel<BsonDocument>> models) {
    if (e.getWriteConcernError() != null || e.getWriteErrors().size() != 1) {
      return Optional.empty();
    }
    BulkWriteError error = e.getWriteErrors().get(0);
    boolean duplicateInsert = error.getCode() == DUPLICATE_KEY && error.getIndex() < models.size()
        && models.get(error.getIndex()) instanceof InsertOneModel;
    return duplicateInsert ? Optional.of(error.getIndex()) : Optional.empty();
  }

  private static WriteModel<BsonDocument> asUpsert(WriteModel<BsonDocument> model) {
    return model instanceof InsertOneModel<BsonDocument> insert ? FullDocumentWrites.upsert(insert) : model;
  }
}
