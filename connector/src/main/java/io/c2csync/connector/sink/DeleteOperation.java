package io.c2csync.connector.sink;

import java.util.List;

import com.mongodb.client.model.DeleteOneModel;

/** delete by {@code _id}; deleting an absent document is a no-op, so replays are safe. */
public final class DeleteOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    return new SinkAction.Writes(event.namespace(), List.of(new DeleteOneModel<>(event.idFilter())));
  }
}
