package io.c2csync.emulator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Who is authenticated on each connection and what they may do. With authorization off (no {@code --auth}) every
 * client holds every privilege, as in MongoDB.
 */
final class AccessControl {

    private static final AttributeKey<Set<UserStore.User>> PRINCIPALS = AttributeKey.valueOf("c2c.principals");

    private final boolean enabled;
    private final UserStore users;

    AccessControl(boolean enabled, UserStore users) {
        this.enabled = enabled;
        this.users = users;
    }

    void authorize(Channel channel, String database, String command, Document query) {
        if (!enabled || CommandPrivileges.needsNoAuthentication(command)) {
            return;
        }
        if (principals(channel).isEmpty()) {
            throw MongoErrors.UNAUTHORIZED.error("command " + command + " requires authentication");
        }
        for (CommandPrivileges.Requirement requirement : CommandPrivileges.required(database, command, query)) {
            if (!holds(channel, requirement)) {
                throw MongoErrors.UNAUTHORIZED.error("not authorized on " + database + " to execute command { "
                    + command + ": " + query.get(command) + " } (needs action " + requirement.action() + ")");
            }
        }
    }

    boolean bypassesWriteBlocking(Channel channel) {
        return !enabled || holds(channel, new CommandPrivileges.Requirement("bypassWriteBlockingMode", null, null));
    }

    void login(Channel channel, UserStore.User user) {
        principals(channel).add(user);
    }

    void logout(Channel channel) {
        principals(channel).clear();
    }

    List<UserStore.User> authenticated(Channel channel) {
        return List.copyOf(principals(channel));
    }

    private boolean holds(Channel channel, CommandPrivileges.Requirement requirement) {
        for (UserStore.User user : principals(channel)) {
            for (UserStore.RoleRef role : user.roles()) {
                for (Grant grant : users.grants(role)) {
                    if (grant.allows(requirement.action(), requirement.database(), requirement.collection())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Set<UserStore.User> principals(Channel channel) {
        Set<UserStore.User> fresh = new CopyOnWriteArraySet<>();
        Set<UserStore.User> existing = channel.attr(PRINCIPALS).setIfAbsent(fresh);
        return existing != null ? existing : fresh;
    }
}
