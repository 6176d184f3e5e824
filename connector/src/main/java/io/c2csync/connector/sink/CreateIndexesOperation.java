package io.c2csync.connector.sink;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;

import com.mongodb.MongoNamespace;

/** createIndexes with the event's specs; unique ones are built non-unique and recorded ({@link UniqueIndexes}). */
public final class CreateIndexesOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    MongoNamespace namespace = event.namespace();
    List<BsonDocument> specs = indexSpecs(event);
    List<BsonDocument> unique = specs.stream().filter(UniqueIndexes::isUnique).collect(Collectors.toList());
    BsonDocument command = new BsonDocument("createIndexes", new BsonString(namespace.getCollectionName()))
        .append("indexes", new BsonArray(specs.stream().map(UniqueIndexes::withoutUnique).collect(Collectors.toList())));
    return new SinkAction.Step("createIndexes on " + namespace + " " + command.getArray("indexes").toString(), true,
        client -> {
          ServerCommands.run(client, namespace.getDatabaseName(), command, Set.of());
          unique.forEach(spec -> UniqueIndexes.record(client, namespace, spec));
        });
  }

  /** {@code operationDescription.indexes}, each a document with a name (shared with dropIndexes). */
  static List<BsonDocument> indexSpecs(ChangeEvent event) {
    BsonValue indexes = event.operationDescription().get("indexes");
    if (indexes == null || indexes.getBsonType() != BsonType.ARRAY || indexes.asArray().isEmpty()) {
      throw event.malformed("operationDescription.indexes must be a non-empty array");
    }
    for (BsonValue spec : indexes.asArray()) {
      if (!spec.isDocument() || !spec.asDocument().isString("name")) {
        throw event.malformed("operationDescription.indexes entries must be documents with a name, got " + spec);
      }
    }
    return indexes.asArray().stream().map(BsonValue::asDocument).collect(Collectors.toList());
  }
}
