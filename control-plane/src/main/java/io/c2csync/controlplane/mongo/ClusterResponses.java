package io.c2csync.controlplane.mongo;

import io.c2csync.controlplane.sync.ClusterAction;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.ServerVersion;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/** Reads the facts the control plane needs out of the replies of MongoDB's admin commands. */
public final class ClusterResponses {
    /** Databases that never count as user data: MongoDB's own and the sync's reserved one. */
    public static final Set<String> NON_USER_DATABASES = Set.of("admin", "config", "local", "__c2c_sync");

    private static final Set<ClusterAction> CLUSTER_WIDE_ACTIONS =
            EnumSet.of(ClusterAction.SET_USER_WRITE_BLOCK_MODE, ClusterAction.BYPASS_WRITE_BLOCKING_MODE);
    /** MongoDB's name for every action, as the built-in {@code __system} role (and our emulator's root) lists it. */
    private static final String ANY_ACTION = "anyAction";
    private static final Map<String, ClusterAction> ACTIONS_BY_NAME = Arrays.stream(ClusterAction.values())
            .collect(Collectors.toMap(ClusterAction::actionName, Function.identity()));

    private ClusterResponses() {
    }

    /** From {@code buildInfo}. */
    public static ServerVersion version(BsonDocument buildInfo) {
        if (!buildInfo.isString("version")) {
            throw new IllegalArgumentException("buildInfo has no version: " + buildInfo.toJson());
        }
        return ServerVersion.parse(buildInfo.getString("version").getValue());
    }

    /** From {@code hello}: a replica-set member, or a mongos in front of replica-set shards. */
    public static boolean isReplicaSet(BsonDocument hello) {
        return hello.isString("setName")
                || (hello.isString("msg") && "isdbgrid".equals(hello.getString("msg").getValue()));
    }

    /**
     * From {@code connectionStatus} with {@code showPrivileges: true}. Namespace actions count when
     * granted on every namespace ({@code {db: "", collection: ""}}), write-blocking actions when
     * granted on the cluster; {@code anyResource} grants both. Without an authenticated user
     * (authentication off) every action is allowed.
     */
    public static Set<ClusterAction> grantedActions(BsonDocument connectionStatus) {
        BsonDocument authInfo = connectionStatus.getDocument("authInfo", new BsonDocument());
        if (authInfo.getArray("authenticatedUsers", new BsonArray()).isEmpty()) {
            return EnumSet.allOf(ClusterAction.class);
        }
        if (!authInfo.containsKey("authenticatedUserPrivileges") && holdsRoot(authInfo)) {
            // a server that does not list privileges (our emulator): root allows every action
            return EnumSet.allOf(ClusterAction.class);
        }
        Set<ClusterAction> granted = EnumSet.noneOf(ClusterAction.class);
        for (BsonValue privilege : authInfo.getArray("authenticatedUserPrivileges", new BsonArray())) {
            BsonDocument resource = privilege.asDocument().getDocument("resource", new BsonDocument());
            for (BsonValue name : privilege.asDocument().getArray("actions", new BsonArray())) {
                String actionName = name.asString().getValue();
                List<ClusterAction> named = ANY_ACTION.equals(actionName)
                        ? List.of(ClusterAction.values())
                        : Optional.ofNullable(ACTIONS_BY_NAME.get(actionName)).map(List::of).orElse(List.of());
                named.stream().filter(action -> covers(resource, action)).forEach(granted::add);
            }
        }
        return granted;
    }

    /** From {@code listDatabases} with {@code nameOnly: true}. */
    public static List<String> userDatabaseNames(BsonDocument listDatabases) {
        return userDatabases(listDatabases).toList();
    }

    /** The {@code operationTime} of any command reply from a replica set, else its {@code $clusterTime}. */
    public static ClusterTime clusterTime(BsonDocument reply) {
        BsonTimestamp time;
        if (reply.isTimestamp("operationTime")) {
            time = reply.getTimestamp("operationTime");
        } else if (reply.isDocument("$clusterTime") && reply.getDocument("$clusterTime").isTimestamp("clusterTime")) {
            time = reply.getDocument("$clusterTime").getTimestamp("clusterTime");
        } else {
            throw new IllegalArgumentException("the reply carries no operationTime or $clusterTime;"
                    + " is the cluster a replica set? " + reply.toJson());
        }
        return new ClusterTime(Integer.toUnsignedLong(time.getTime()), time.getInc());
    }

    private static boolean holdsRoot(BsonDocument authInfo) {
        return authInfo.getArray("authenticatedUserRoles", new BsonArray()).stream()
                .map(BsonValue::asDocument)
                .anyMatch(role -> "root".equals(role.getString("role", new BsonString("")).getValue())
                        && "admin".equals(role.getString("db", new BsonString("")).getValue()));
    }

    private static Stream<String> userDatabases(BsonDocument listDatabases) {
        return listDatabases.getArray("databases", new BsonArray()).stream()
                .map(db -> db.asDocument().getString("name").getValue())
                .filter(name -> !NON_USER_DATABASES.contains(name));
    }

    private static boolean covers(BsonDocument resource, ClusterAction action) {
        if (resource.getBoolean("anyResource", BsonBoolean.FALSE).getValue()) {
            return true;
        }
        if (CLUSTER_WIDE_ACTIONS.contains(action)) {
            return resource.getBoolean("cluster", BsonBoolean.FALSE).getValue();
        }
        return resource.isString("db") && resource.getString("db").getValue().isEmpty()
                && resource.isString("collection") && resource.getString("collection").getValue().isEmpty();
    }
}
