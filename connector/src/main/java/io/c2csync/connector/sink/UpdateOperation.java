package io.c2csync.connector.sink;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * update, applied from {@code updateDescription} (the server's own diff of the document): first
 * {@code truncatedArrays} ({@code $push: {$each: [], $slice: n}}), then {@code updatedFields}
 * ({@code $set}, the fields' new values) and {@code removedFields} ({@code $unset}). Applied to
 * the pre-image this yields exactly the post-image; no upsert, so an update replayed after its
 * document's delete does nothing. Paths listed in {@code disambiguatedPaths} (field names with
 * dots or that look like array indexes) cannot be written with dotted paths and go to
 * {@link DisambiguatedUpdate}.
 */
public final class UpdateOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    UpdateDescription description = UpdateDescription.of(event);
    if (!description.disambiguatedPaths().isEmpty()) {
      return DisambiguatedUpdate.step(event, description);
    }
    List<WriteModel<BsonDocument>> models = new ArrayList<>();
    if (!description.truncatedArrays().isEmpty()) {
      BsonDocument push = new BsonDocument();
      for (BsonValue truncation : description.truncatedArrays()) {
        BsonDocument t = truncation.asDocument();
        push.append(t.getString("field").getValue(),
            new BsonDocument("$each", new BsonArray()).append("$slice", t.get("newSize")));
      }
      models.add(new UpdateOneModel<>(event.idFilter(), new BsonDocument("$push", push)));
    }
    BsonDocument setUnset = new BsonDocument();
    if (!description.updatedFields().isEmpty()) {
      setUnset.append("$set", description.updatedFields());
    }
    if (!description.removedFields().isEmpty()) {
      BsonDocument unset = new BsonDocument();
      description.removedFields().forEach(field -> unset.append(field.asString().getValue(), new BsonString("")));
      setUnset.append("$unset", unset);
    }
    if (!setUnset.isEmpty()) {
      models.add(new UpdateOneModel<>(event.idFilter(), setUnset));
    }
    return new SinkAction.Writes(event.namespace(), models);
  }
}
