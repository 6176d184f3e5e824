package io.c2csync.controlplane.mongo;

import com.mongodb.client.MongoClient;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** Creates users, as a MongoDB administrator does before a migration (the demo's application user). */
public final class DatabaseUsers {

    private DatabaseUsers() {
    }

    /** {@code createUser} in {@code admin} with one role on {@code admin}, e.g. {@code readWriteAnyDatabase}. */
    public static void create(MongoClient admin, String user, String password, String role) {
        admin.getDatabase("admin").runCommand(new BsonDocument("createUser", new BsonString(user))
                .append("pwd", new BsonString(password))
                .append("roles", new BsonArray(java.util.List.of(new BsonDocument("role", new BsonString(role))
                        .append("db", new BsonString("admin"))))));
    }
}
