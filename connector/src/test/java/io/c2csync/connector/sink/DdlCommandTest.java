package io.c2csync.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;

import io.c2csync.connector.topics.NamespaceSelection;

/** The exact commands DDL events send to the destination. */
class DdlCommandTest {

  private final SinkHarness sink = new SinkHarness();
  private final MongoClient recording = sink.recordingClient();

  @AfterEach
  void close() {
    recording.close();
    sink.close();
  }

  private List<BsonDocument> run(String eventJson) {
    SinkAction.Step step = (SinkAction.Step) new OperationMap(NamespaceSelection.ALL, NamespaceSelection.ALL, new Incarnations(sink.destination)).toAction(new ChangeEvent(BsonDocument.parse(eventJson), "test"));
    sink.commands.clear();
    step.apply().accept(recording);
    return sink.commands.stream().filter(c -> !c.containsKey("hello") && !c.containsKey("isMaster")).toList();
  }

  @Test
  void createPassesTheCollectionOptionsThrough() {
    // (stock mongo-java-server cannot create capped collections; the emulator covers them)
    List<BsonDocument> commands = run(Events.ddl("create", "db", "checked",
        "{validator: {$jsonSchema: {required: ['a']}}, validationLevel: 'strict', collation: {locale: 'fr'}}"));

    assertThat(commands).containsExactly(BsonDocument.parse("{create: 'checked', "
        + "validator: {$jsonSchema: {required: ['a']}}, validationLevel: 'strict', collation: {locale: 'fr'}}"));
    assertThat(sink.collectionNames("db")).contains("checked");
  }

  @Test
  void createLeavesTheDefaultIdIndexToTheServer() {
    List<BsonDocument> commands = run(Events.ddl("create", "db", "plain",
        "{idIndex: {v: 2, key: {_id: 1}, name: '_id_'}}"));
    assertThat(commands).containsExactly(BsonDocument.parse("{create: 'plain'}"));
  }

  @Test
  void modifySendsCollModWithTheChangedOptions() {
    sink.collection("db", "c").insertOne(BsonDocument.parse("{_id: 1}"));

    // stock mongo-java-server has no collMod: we check what is sent; the emulator runs it end to end
    assertThatThrownBy(() -> run(Events.ddl("modify", "db", "c",
        "{validationLevel: 'moderate', index: {name: 'a_1', hidden: true}}")))
        .isInstanceOf(MongoCommandException.class);
    assertThat(sink.commands.get(sink.commands.size() - 1)).isEqualTo(BsonDocument.parse(
        "{collMod: 'c', validationLevel: 'moderate', index: {name: 'a_1', hidden: true}}"));
  }

  @Test
  void modifyThatMakesAnIndexUniqueIsDeferredToCommit() {
    List<BsonDocument> commands = run(Events.ddl("modify", "db", "c", "{index: {name: 'email_1', unique: true}}"));

    assertThat(commands).noneMatch(c -> c.containsKey("collMod"));
    assertThat(sink.documents("__c2c_sync", "uniqueIndexes")).containsExactly(BsonDocument.parse(
        "{_id: {db: 'db', coll: 'c', name: 'email_1'}, spec: {name: 'email_1', unique: true}}"));
  }

  @Test
  void renameDropsTheTargetOnlyWhenTheSourceDid() {
    sink.collection("db", "a").insertOne(BsonDocument.parse("{_id: 1}"));
    String withDropTarget = "{operationType: 'rename', ns: {db: 'db', coll: 'a'}, to: {db: 'db', coll: 'b'}, "
        + "operationDescription: {to: {db: 'db', coll: 'b'}, dropTarget: {$binary: {base64: 'AAAAAAAAAAAAAAAAAAAAAA==', subType: '04'}}}}";

    List<BsonDocument> commands = run(withDropTarget);

    assertThat(commands).contains(BsonDocument.parse("{renameCollection: 'db.a', to: 'db.b', dropTarget: true}"));
    assertThat(run(Events.rename("db", "x", "db", "y"))).noneMatch(c -> c.containsKey("renameCollection"));
  }
}
