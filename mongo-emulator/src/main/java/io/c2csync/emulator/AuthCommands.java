package io.c2csync.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** SCRAM authentication and the user and role management commands. */
final class AuthCommands {

    private static final AttributeKey<ScramConversation> CONVERSATION = AttributeKey.valueOf("c2c.scram");
    private static final int CONVERSATION_ID = 1;
    private static final Set<String> COMMANDS = Set.of("saslstart", "saslcontinue", "logout", "createuser", "dropuser",
        "usersinfo", "createrole", "droprole", "connectionstatus");

    private final UserStore users;
    private final AccessControl access;

    AuthCommands(UserStore users, AccessControl access) {
        this.users = users;
        this.access = access;
    }

    boolean handles(String command) {
        return COMMANDS.contains(command.toLowerCase(Locale.ROOT));
    }

    Document handle(Channel channel, String database, String command, Document query) {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "saslstart" -> saslStart(channel, database, query);
            case "saslcontinue" -> saslContinue(channel, query);
            case "logout" -> {
                access.logout(channel);
                yield ok();
            }
            case "createuser" -> createUser(database, query);
            case "dropuser" -> {
                users.dropUser(database, String.valueOf(query.get(command)));
                yield ok();
            }
            case "usersinfo" -> usersInfo(database, query.get(command));
            case "createrole" -> createRole(database, query);
            case "droprole" -> {
                users.dropRole(database, String.valueOf(query.get(command)));
                yield ok();
            }
            default -> connectionStatus(channel, Boolean.TRUE.equals(query.get("showPrivileges")));
        };
    }

    /** Adds {@code saslSupportedMechs} to a hello reply when the client asks for a user's mechanisms. */
    void describeMechanisms(Document hello, Document reply) {
        if (hello.get("saslSupportedMechs") instanceof String qualified && qualified.contains(".")) {
            int dot = qualified.indexOf('.');
            if (users.user(qualified.substring(0, dot), qualified.substring(dot + 1)).isPresent()) {
                reply.put("saslSupportedMechs", List.of(ScramMechanism.SCRAM_SHA_1.wireName(), ScramMechanism.SCRAM_SHA_256.wireName()));
            }
        }
    }

    private Document saslStart(Channel channel, String database, Document query) {
        ScramMechanism mechanism = ScramMechanism.byWireName(query.get("mechanism"));
        ScramConversation conversation = new ScramConversation(mechanism, database, users);
        String serverFirst = conversation.start(payload(query));
        channel.attr(CONVERSATION).set(conversation);
        return saslReply(serverFirst, false);
    }

    private Document saslContinue(Channel channel, Document query) {
        ScramConversation conversation = channel.attr(CONVERSATION).get();
        if (conversation == null || !Integer.valueOf(CONVERSATION_ID).equals(query.get("conversationId"))) {
            throw MongoErrors.AUTHENTICATION_FAILED.error("Authentication failed: no SASL conversation in progress.");
        }
        if (conversation.done()) {
            channel.attr(CONVERSATION).set(null);
            return saslReply("", true);
        }
        String serverFinal = conversation.finish(payload(query));
        access.login(channel, conversation.user());
        channel.attr(CONVERSATION).set(null);
        return saslReply(serverFinal, true);
    }

    private Document createUser(String database, Document query) {
        if (!(query.get("pwd") instanceof String password) || password.isEmpty()) {
            throw MongoErrors.BAD_VALUE.error("createUser needs a non-empty 'pwd': the emulator has no external users");
        }
        users.createUser(database, String.valueOf(query.get("createUser")), password, roleRefs(database, query.get("roles")));
        return ok();
    }

    private Document createRole(String database, Document query) {
        List<Grant> grants = new ArrayList<>();
        if (query.get("privileges") instanceof List<?> privileges) {
            for (Object privilege : privileges) {
                Document entry = (Document) privilege;
                for (Object action : (List<?>) entry.get("actions")) {
                    grants.add(Grant.of((Document) entry.get("resource"), String.valueOf(action)));
                }
            }
        } else {
            throw MongoErrors.BAD_VALUE.error("createRole needs a 'privileges' array");
        }
        users.createRole(database, String.valueOf(query.get("createRole")), grants, roleRefs(database, query.get("roles")));
        return ok();
    }

    private Document usersInfo(String database, Object selector) {
        List<Document> found = new ArrayList<>();
        List<?> selectors = selector instanceof List<?> list ? list : List.of(selector);
        for (Object one : selectors) {
            if (one instanceof Number) {
                users.users(database).forEach(user -> found.add(describe(user)));
            } else if (one instanceof String name) {
                users.user(database, name).ifPresent(user -> found.add(describe(user)));
            } else if (one instanceof Document qualified) {
                users.user(String.valueOf(qualified.get("db")), String.valueOf(qualified.get("user")))
                    .ifPresent(user -> found.add(describe(user)));
            }
        }
        return new Document("users", found).append("ok", 1.0);
    }

    /**
     * The connection's users and roles and, with {@code showPrivileges}, their privileges: one entry per resource with
     * its actions sorted, as MongoDB lists them (with authorization off and nobody authenticated, none).
     */
    private Document connectionStatus(Channel channel, boolean showPrivileges) {
        List<Document> authenticated = new ArrayList<>();
        List<Document> roles = new ArrayList<>();
        Map<Document, Set<String>> privileges = new LinkedHashMap<>();
        for (UserStore.User user : access.authenticated(channel)) {
            authenticated.add(new Document("user", user.name()).append("db", user.database()));
            for (UserStore.RoleRef role : user.roles()) {
                roles.add(role.toDocument());
                users.grants(role).forEach(grant -> privileges.computeIfAbsent(grant.resource(), resource -> new TreeSet<>())
                    .add(grant.actionName()));
            }
        }
        Document authInfo = new Document("authenticatedUsers", authenticated).append("authenticatedUserRoles", roles);
        if (showPrivileges) {
            authInfo.put("authenticatedUserPrivileges", privileges.entrySet().stream()
                .map(privilege -> new Document("resource", privilege.getKey()).append("actions", List.copyOf(privilege.getValue())))
                .toList());
        }
        return new Document("authInfo", authInfo).append("ok", 1.0);
    }

    private static Document describe(UserStore.User user) {
        return new Document("_id", user.id()).append("user", user.name()).append("db", user.database())
            .append("roles", user.roles().stream().map(UserStore.RoleRef::toDocument).toList())
            .append("mechanisms", user.credentials().keySet().stream().map(ScramMechanism::wireName).toList());
    }

    private static List<UserStore.RoleRef> roleRefs(String database, Object roles) {
        List<UserStore.RoleRef> refs = new ArrayList<>();
        if (roles instanceof List<?> list) {
            for (Object role : list) {
                if (role instanceof String name) {
                    refs.add(new UserStore.RoleRef(name, database));
                } else if (role instanceof Document document) {
                    refs.add(new UserStore.RoleRef(String.valueOf(document.get("role")), String.valueOf(document.get("db"))));
                } else {
                    throw MongoErrors.BAD_VALUE.error("a role must be a name or {role, db}, got " + role);
                }
            }
        }
        return refs;
    }

    private static String payload(Document query) {
        Object payload = query.get("payload");
        if (payload instanceof BinData binary) {
            return new String(binary.getData(), StandardCharsets.UTF_8);
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw MongoErrors.BAD_VALUE.error("SASL payload must be binary, got " + payload);
    }

    private static Document saslReply(String payload, boolean done) {
        return new Document("conversationId", CONVERSATION_ID).append("done", done)
            .append("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8))).append("ok", 1.0);
    }

    private static Document ok() {
        return new Document("ok", 1.0);
    }
}
