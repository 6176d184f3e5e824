package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.bson.Document;

/** Users with their SCRAM credentials and role references, and the custom roles they may refer to. */
final class UserStore {

    record RoleRef(String role, String database) {
        Document toDocument() {
            return new Document("role", role).append("db", database);
        }
    }

    record User(String database, String name, List<RoleRef> roles, Map<ScramMechanism, ScramMechanism.Credential> credentials) {
        String id() {
            return database + "." + name;
        }
    }

    private record CustomRole(List<Grant> grants, List<RoleRef> inherited) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, CustomRole> roles = new ConcurrentHashMap<>();

    void createUser(String database, String name, String password, List<RoleRef> roleRefs) {
        roleRefs.forEach(this::requireRole);
        Map<ScramMechanism, ScramMechanism.Credential> credentials = new EnumMap<>(ScramMechanism.class);
        for (ScramMechanism mechanism : ScramMechanism.values()) {
            credentials.put(mechanism, mechanism.credential(name, password));
        }
        User user = new User(database, name, List.copyOf(roleRefs), credentials);
        if (users.putIfAbsent(user.id(), user) != null) {
            throw MongoErrors.USER_ALREADY_EXISTS.error("User \"" + name + "@" + database + "\" already exists");
        }
    }

    void dropUser(String database, String name) {
        if (users.remove(database + "." + name) == null) {
            throw MongoErrors.USER_NOT_FOUND.error("User '" + name + "@" + database + "' not found");
        }
    }

    Optional<User> user(String database, String name) {
        return Optional.ofNullable(users.get(database + "." + name));
    }

    List<User> users(String database) {
        return users.values().stream().filter(user -> user.database().equals(database)).toList();
    }

    void createRole(String database, String name, List<Grant> grants, List<RoleRef> inherited) {
        inherited.forEach(this::requireRole);
        if (BuiltInRoles.grants(name, database).isPresent()
            || roles.putIfAbsent(database + "." + name, new CustomRole(List.copyOf(grants), List.copyOf(inherited))) != null) {
            throw MongoErrors.ROLE_ALREADY_EXISTS.error("Role \"" + name + "@" + database + "\" already exists");
        }
    }

    void dropRole(String database, String name) {
        if (roles.remove(database + "." + name) == null) {
            throw MongoErrors.ROLE_NOT_FOUND.error("Role " + name + "@" + database + " not found");
        }
    }

    /** Every grant of the role, including those of the roles it inherits. */
    List<Grant> grants(RoleRef ref) {
        List<Grant> collected = new ArrayList<>();
        collect(ref, collected, new HashSet<>());
        return collected;
    }

    private void collect(RoleRef ref, List<Grant> collected, Set<RoleRef> seen) {
        if (!seen.add(ref)) {
            return;
        }
        Optional<List<Grant>> builtIn = BuiltInRoles.grants(ref.role(), ref.database());
        if (builtIn.isPresent()) {
            collected.addAll(builtIn.get());
            return;
        }
        CustomRole custom = roles.get(ref.database() + "." + ref.role());
        if (custom != null) {
            collected.addAll(custom.grants());
            custom.inherited().forEach(inherited -> collect(inherited, collected, seen));
        }
    }

    private void requireRole(RoleRef ref) {
        if (BuiltInRoles.grants(ref.role(), ref.database()).isEmpty() && !roles.containsKey(ref.database() + "." + ref.role())) {
            throw MongoErrors.ROLE_NOT_FOUND.error("Could not find role: " + ref.role() + "@" + ref.database());
        }
    }
}
